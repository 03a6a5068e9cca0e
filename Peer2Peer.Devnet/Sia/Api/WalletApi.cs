using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using Peer2Peer.Devnet.Sia.Pool;
using Peer2Peer.Devnet.Sia.Wallet;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>/wallet/* (SIAD.md §3.6, §13, §15.2).</summary>
public static class WalletApi
{
    public static void MapWalletApi(this IEndpointRouteBuilder app, SiadNode node)
    {
        var wallet = node.Wallet;
        var auth = RequiresPasswordAttribute.Instance;
        app.MapGet("/wallet", () => GetWallet(node));
        app.MapPost("/wallet/init", (HttpContext c) => Call("/wallet/init", () =>
            SiadResults.Json(new { primaryseed = wallet.Init(c.Field("encryptionpassword"), c.Field("force") == "true") }))).WithMetadata(auth);
        app.MapPost("/wallet/unlock", (HttpContext c) => Call("/wallet/unlock", () =>
        {
            wallet.Unlock(c.Field("encryptionpassword"));
            return SiadResults.Success();
        })).WithMetadata(auth);
        app.MapPost("/wallet/lock", () => Call("/wallet/lock", () =>
        {
            wallet.Lock();
            return SiadResults.Success();
        })).WithMetadata(auth);
        app.MapGet("/wallet/address", () => Call("/wallet/addresses", () => SiadResults.Json(new { address = wallet.NextAddress() }))).WithMetadata(auth);
        app.MapGet("/wallet/addresses", () =>
        {
            var addresses = wallet.Addresses();
            return SiadResults.Json(new { addresses = addresses.Count == 0 ? null : addresses });
        });
        app.MapPost("/wallet/siacoins", (HttpContext c) => SendSiacoins(c, node)).WithMetadata(auth);
        app.MapGet("/wallet/transactions", (HttpContext c) => Transactions(c, node));
        app.MapGet("/wallet/transaction/{id}", (string id) => Transaction(id, wallet));
        if (node.Profile.Is133)
        {
            return;
        }

        app.MapGet("/wallet/unspent", () => Call("/wallet/unspent", () => SiadResults.Json(new
        {
            outputs = wallet.Unspent().Select(o => new
            {
                id = o.Id, fundtype = o.FundType, unlockhash = o.UnlockHash, value = o.Value, confirmationheight = o.ConfirmationHeight, iswatchonly = false,
            }).ToArray(),
        }), StatusCodes.Status500InternalServerError)).WithMetadata(auth);
        app.MapGet("/wallet/unlockconditions/{addr}", (string addr) => UnlockConditions(addr, wallet)).WithMetadata(auth);
        app.MapPost("/wallet/sign", (Delegate)((HttpContext c) => Sign(c, wallet))).WithMetadata(auth);
        app.MapGet("/wallet/verify/address/{addr}", (string addr) => SiadResults.Json(new { valid = UnlockHash.TryParse(addr, null, out _) }));
        app.MapGet("/wallet/seedaddrs", (HttpContext c) =>
        {
            var count = int.TryParse(c.Field("count"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 50;
            return SiadResults.Json(new { addresses = wallet.SeedAddresses(count) });
        });
    }

    private static IResult Call(string route, Func<IResult> action, int status = StatusCodes.Status400BadRequest)
    {
        try
        {
            return action();
        }
        catch (WalletException e)
        {
            return SiadResults.Error($"error when calling {route}: {e.Message}", status);
        }
    }

    private static IResult GetWallet(SiadNode node)
    {
        var wallet = node.Wallet;
        var balances = wallet.GetBalances();
        return SiadResults.Json(new
        {
            encrypted = wallet.Encrypted,
            height = node.Chain.Height,
            rescanning = false,
            unlocked = wallet.Unlocked,
            confirmedsiacoinbalance = balances.Confirmed,
            unconfirmedoutgoingsiacoins = balances.UnconfirmedOutgoing,
            unconfirmedincomingsiacoins = balances.UnconfirmedIncoming,
            siacoinclaimbalance = balances.ClaimBalance,
            siafundbalance = balances.SiafundBalance,
            dustthreshold = TransactionPool.MinimumFee * 3,
        });
    }

    private static IResult SendSiacoins(HttpContext context, SiadNode node)
    {
        var profile = node.Profile;
        var outputsField = profile.Is133 ? "" : context.Field("outputs");
        var hasSingle = context.HasField("amount") || context.HasField("destination") || (!profile.Is133 && context.HasField("feeIncluded"));
        IReadOnlyList<SiacoinOutput> outputs;
        if (outputsField.Length > 0)
        {
            if (hasSingle)
            {
                return SiadResults.Error("cannot supply both 'outputs' and single amount+destination pair and/or feeIncluded parameter", StatusCodes.Status500InternalServerError);
            }

            if (!TransactionInput.TryJson<List<SiacoinOutput>>(outputsField, out var parsed, out var error))
            {
                return SiadResults.Error("could not decode outputs: " + error);
            }

            outputs = parsed;
        }
        else
        {
            var amountText = context.Field("amount");
            if (amountText.Length == 0 || amountText.Length > 40 || !amountText.All(char.IsAsciiDigit)
                || !UInt128.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return SiadResults.Error("could not read amount from POST call to /wallet/siacoins");
            }

            if (!UnlockHash.TryParse(context.Field("destination"), out var destination, out _))
            {
                return SiadResults.Error("could not read address from POST call to /wallet/siacoins");
            }

            outputs = [new SiacoinOutput { Value = new Currency(amount), UnlockHash = destination }];
        }

        var feeIncluded = !profile.Is133 && context.Field("feeIncluded") == "true";
        try
        {
            var set = node.Wallet.Send(outputs, feeIncluded);
            var ids = set.Select(t => t.Id).ToArray();
            return profile.Is133
                ? SiadResults.Json(new { transactionids = ids })
                : SiadResults.Json(new { transactions = set, transactionids = ids });
        }
        catch (WalletException e)
        {
            return SiadResults.Error("error when calling /wallet/siacoins: " + e.Message, StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult Transactions(HttpContext context, SiadNode node)
    {
        var startText = context.Field("startheight");
        var endText = context.Field("endheight");
        if (startText.Length == 0 || endText.Length == 0)
        {
            return SiadResults.Error("startheight and endheight must be provided to a /wallet/transactions call.");
        }

        if (!TryParseHeight(startText, "startheight", node.Profile, out var start, out var error)
            || !TryParseHeight(endText, "endheight", node.Profile, out var end, out error))
        {
            return SiadResults.Error(error);
        }

        try
        {
            var confirmed = node.Wallet.Confirmed(start, end);
            var unconfirmed = node.Wallet.Unconfirmed();
            return SiadResults.Json(new
            {
                confirmedtransactions = confirmed.Count == 0 ? null : confirmed,
                unconfirmedtransactions = unconfirmed.Count == 0 ? null : unconfirmed,
            });
        }
        catch (WalletException e)
        {
            return SiadResults.Error("error when calling /wallet/transactions: " + e.Message);
        }
    }

    /// <summary>1.3.3 parses heights as signed 64-bit integers (so siac's u64-max end height fails); 1.5.9 as unsigned, with -1 = tip.</summary>
    private static bool TryParseHeight(string text, string name, SiadProfile profile, out ulong height, out string error)
    {
        error = "";
        height = 0;
        if (profile.Is133)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed))
            {
                height = unchecked((ulong)signed);
                return true;
            }

            var reason = text.Length > 0 && text.TrimStart('-', '+').All(char.IsAsciiDigit) && text.TrimStart('-', '+').Length > 0 ? "value out of range" : "invalid syntax";
            error = $"parsing integer value for parameter `{name}` failed: strconv.ParseInt: parsing \"{text}\": {reason}";
            return false;
        }

        if (name == "endheight" && text == "-1")
        {
            height = ulong.MaxValue;
            return true;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out height))
        {
            return true;
        }

        var why = text.Length > 0 && text.All(char.IsAsciiDigit) ? "value out of range" : "invalid syntax";
        error = $"parsing integer value for parameter `{name}` failed: strconv.ParseUint: parsing \"{text}\": {why}";
        return false;
    }

    private static IResult Transaction(string idText, DevnetWallet wallet)
    {
        if (!Hash256.TryParse(idText, null, out var id))
        {
            return SiadResults.Error("error when calling /wallet/transaction/:id: " + TpoolApi.HashError(idText));
        }

        return wallet.Find(id) is { } found
            ? SiadResults.Json(new { transaction = found })
            : SiadResults.Error("error when calling /wallet/transaction/:id: transaction not found");
    }

    private static IResult UnlockConditions(string addressText, DevnetWallet wallet)
    {
        if (!UnlockHash.TryParse(addressText, out var address, out var error))
        {
            return SiadResults.Error("failed to parse address: " + error);
        }

        return wallet.ConditionsOf(address) is { } conditions
            ? SiadResults.Json(new { unlockconditions = conditions })
            : SiadResults.Error("failed to get unlock conditions: no record of UnlockConditions for that UnlockHash");
    }

    private sealed record SignRequest
    {
        [JsonProperty("transaction")]
        public Transaction? Transaction { get; init; }

        [JsonProperty("tosign")]
        [JsonConverter(typeof(NullAsEmptyListConverter<Hash256>))]
        public IReadOnlyList<Hash256> ToSign { get; init; } = [];
    }

    private static async Task<IResult> Sign(HttpContext context, DevnetWallet wallet)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (!TransactionInput.TryJson<SignRequest>(body, out var request, out var error) || request.Transaction is null
            || !TransactionInput.TryJson<Transaction>(SiadResults.Serialize(request.Transaction), out _, out error))
        {
            return SiadResults.Error("invalid parameters: " + (error.Length > 0 ? error : "missing transaction"));
        }

        try
        {
            return SiadResults.Json(new { transaction = wallet.Sign(request.Transaction, request.ToSign) });
        }
        catch (WalletException e)
        {
            return SiadResults.Error("failed to sign transaction: " + e.Message);
        }
    }
}
