using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peer2Peer.Devnet.Sia.Api.Dtos;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>/consensus, /consensus/blocks, /consensus/validate/transactionset (SIAD.md §3.2).</summary>
public static class ConsensusApi
{
    /// <summary>The dev Foundation addresses a fresh 1.5.x dev node reports (SIAD.md §11.3).</summary>
    private static readonly UnlockHash FoundationPrimary = UnlockHash.Parse("71608f1dc60f57f0155a3e54bd46821d206bdcd071fb59148cea35eb7ddeec03c6b510343b8f");
    private static readonly UnlockHash FoundationFailsafe = UnlockHash.Parse("d27cab2a32ddf0beae6ab83dfc67c1a2b96d204d936f8ebc9a13fe848fd18bf2f5c4d64fd732");

    private static readonly HashSet<string> NotInConsensus =
        ["targetwindow", "maxadjustmentup", "maxadjustmentdown", "maxtargetadjustmentup", "maxtargetadjustmentdown"];

    public static void MapConsensusApi(this IEndpointRouteBuilder app, SiadNode node)
    {
        app.MapGet("/consensus", () => GetConsensus(node));
        app.MapGet("/consensus/blocks", (HttpContext context) => GetBlock(context, node));
        app.MapPost("/consensus/validate/transactionset", (Delegate)((HttpContext context) => ValidateSet(context, node)));
    }

    private static IResult GetConsensus(SiadNode node)
    {
        var (height, tip) = node.Chain.Read(c => (c.State.Height, c.State.TipId));
        var consensus = new ConsensusGet(true, height, tip, DevConstants.RootTarget, DevConstants.Difficulty(DevConstants.RootTarget));
        if (!node.Profile.Is133)
        {
            consensus = consensus with
            {
                FoundationPrimaryUnlockHash = FoundationPrimary,
                FoundationFailsafeUnlockHash = FoundationFailsafe,
                Constants = DaemonApi.Constants(node.Profile).Where(c => !NotInConsensus.Contains(c.Key)).ToDictionary(),
            };
        }

        return SiadResults.Json(consensus);
    }

    private static IResult GetBlock(HttpContext context, SiadNode node)
    {
        var idText = context.Field("id");
        var heightText = context.Field("height");
        if (idText.Length > 0 && heightText.Length > 0)
        {
            return SiadResults.Error("can't specify both id and height");
        }

        if (idText.Length == 0 && heightText.Length == 0)
        {
            return SiadResults.Error("either id or height has to be provided");
        }

        Hash256 id = default;
        ulong height = 0;
        if (idText.Length > 0 && !Hash256.TryParse(idText, null, out id))
        {
            return SiadResults.Error("failed to unmarshal blockid");
        }

        if (heightText.Length > 0 && !ulong.TryParse(heightText, NumberStyles.None, CultureInfo.InvariantCulture, out height))
        {
            return SiadResults.Error("failed to parse block height");
        }

        var found = node.Chain.Read(c =>
        {
            var state = c.State;
            if (idText.Length > 0 && !state.TryGetHeight(id, out height))
            {
                return null;
            }

            return height > state.Height ? null : ToDto(state.BlockAt(height), state.IdAt(height), height, node.Profile);
        });
        return found is null ? SiadResults.Error("block doesn't exist") : SiadResults.Json(found);
    }

    public static ConsensusBlockGet ToDto(Block block, Hash256 id, ulong height, SiadProfile profile) => new(
        id, height, block.ParentId, block.Nonce,
        profile.Is133 ? null : DevConstants.Difficulty(DevConstants.RootTarget),
        block.Timestamp, block.MinerPayouts, block.Transactions.Select(ConsensusBlockTransaction.From).ToArray());

    private static async Task<IResult> ValidateSet(HttpContext context, SiadNode node)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (!TransactionInput.TryJsonList(body, out var set, out var error))
        {
            return SiadResults.Error("unable to decode transaction set: " + error);
        }

        var reason = node.Chain.Read(c =>
        {
            var state = c.State;
            var mark = state.JournalPosition;
            try
            {
                foreach (var transaction in set)
                {
                    if (state.ValidateTransaction(transaction) is { } invalid)
                    {
                        return invalid;
                    }

                    state.ApplyTransaction(transaction, state.Height + 1);
                }

                return null;
            }
            catch (ConsensusException e)
            {
                return e.Message;
            }
            finally
            {
                state.RollbackTo(mark);
            }
        });
        return reason is null ? SiadResults.Success() : SiadResults.Error("transaction set validation failed: " + reason);
    }
}
