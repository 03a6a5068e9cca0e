using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peer2Peer.Devnet.Sia.Pool;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>/tpool/* (SIAD.md §3.7, §15.1); no endpoint needs the password.</summary>
public static class TpoolApi
{
    public static void MapTpoolApi(this IEndpointRouteBuilder app, SiadNode node)
    {
        app.MapGet("/tpool/fee", () => SiadResults.Json(new { minimum = TransactionPool.MinimumFee, maximum = TransactionPool.MaximumFee }));
        app.MapPost("/tpool/raw", (HttpContext context) => PostRaw(context, node));
        app.MapGet("/tpool/raw/{id}", (string id) => GetRaw(id, node));
        app.MapGet("/tpool/confirmed/{id}", (string id) => GetConfirmed(id, node));
        if (!node.Profile.Is133)
        {
            app.MapGet("/tpool/transactions", () => SiadResults.Json(new { transactions = node.Chain.Read(c => c.Pool.Transactions.ToArray()) }));
        }
    }

    private static IResult PostRaw(HttpContext context, SiadNode node)
    {
        var profile = node.Profile;
        if (!TryDecode(context.Field("parents"), list: true, profile, out var parents, out var parentsError))
        {
            return SiadResults.Error(profile.DecodeParentsError(parentsError));
        }

        if (!TryDecode(context.Field("transaction"), list: false, profile, out var transaction, out var transactionError))
        {
            return SiadResults.Error(profile.DecodeTransactionError(transactionError));
        }

        var reason = node.Chain.Submit([.. parents, .. transaction]);
        return reason is null ? SiadResults.Success() : SiadResults.Error(profile.AcceptError(reason));
    }

    /// <summary>1.5.x tries JSON first; both try base64 of the binary encoding, then the raw bytes.</summary>
    private static bool TryDecode(string field, bool list, SiadProfile profile, out IReadOnlyList<Transaction> transactions, out string error)
    {
        if (!profile.Is133 && field.TrimStart().StartsWith(list ? '[' : '{'))
        {
            if (list && TransactionInput.TryJsonList(field, out transactions, out error))
            {
                return true;
            }

            if (!list && TransactionInput.TryJson<Transaction>(field, out var single, out error))
            {
                transactions = [single];
                return true;
            }
        }

        return TransactionInput.TryBinary(field, list, out transactions, out error);
    }

    private static IResult GetRaw(string idText, SiadNode node)
    {
        if (!Hash256.TryParse(idText, null, out var id))
        {
            return SiadResults.Error("error decoding transaction id: " + HashError(idText));
        }

        var found = node.Chain.Read(c =>
        {
            if (!c.Pool.TryGet(id, out var transaction) || transaction is null)
            {
                return null;
            }

            var parents = Parents(c.Pool, transaction);
            var encoder = new SiaEncoder();
            encoder.WriteList(parents);
            return new { id, parents = encoder.ToArray(), transaction = SiaEncoding.Encode(transaction) };
        });
        return found is null ? SiadResults.Error("transaction not found in transaction pool") : SiadResults.Json(found);
    }

    private static IResult GetConfirmed(string idText, SiadNode node)
    {
        if (!Hash256.TryParse(idText, null, out var id))
        {
            return SiadResults.Error("error decoding transaction id: " + HashError(idText));
        }

        return SiadResults.Json(new { confirmed = node.Chain.Read(c => c.State.IsConfirmed(id)) });
    }

    public static string HashError(string text) =>
        text.Length != 64 ? "encoded value has the wrong length to be a hash" : "could not unmarshal hash: encoding/hex: invalid byte";

    /// <summary>The pooled transactions <paramref name="transaction"/> depends on, in pool order.</summary>
    private static Transaction[] Parents(TransactionPool pool, Transaction transaction)
    {
        var needed = transaction.SiacoinInputs.Select(i => i.ParentId).ToHashSet();
        var parents = new List<Transaction>();
        foreach (var candidate in pool.Transactions.Reverse())
        {
            if (candidate.Id == transaction.Id)
            {
                continue;
            }

            if (Enumerable.Range(0, candidate.SiacoinOutputs.Count).Any(i => needed.Contains(candidate.SiacoinOutputId(i))))
            {
                parents.Insert(0, candidate);
                foreach (var input in candidate.SiacoinInputs)
                {
                    needed.Add(input.ParentId);
                }
            }
        }

        return parents.ToArray();
    }
}
