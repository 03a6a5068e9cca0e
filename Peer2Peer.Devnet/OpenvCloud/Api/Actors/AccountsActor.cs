using Peer2Peer.Devnet.OpenvCloud.Model;
using static Peer2Peer.Devnet.OpenvCloud.Api.ParamSpec;

namespace Peer2Peer.Devnet.OpenvCloud.Api.Actors;

/// <summary><c>cloudapi/accounts</c> (§3.6, §3.11). Accounts are created by the devnet itself, as operators do.</summary>
internal static class AccountsActor
{
    private static readonly string[] CuTypes = ["CU_M", "CU_C", "CU_D", "CU_I", "CU_NP"];

    public static IEnumerable<ApiMethod> Methods(ControllerServices services)
    {
        ParamSpec[] byId = [Required("accountId", ParamType.Int)];
        yield return new ApiMethod("cloudapi", "accounts", "list", true, ApiMethod.PostOnly, [], List);
        yield return new ApiMethod("cloudapi", "accounts", "get", true, ApiMethod.PostOnly, byId, Get);
        yield return new ApiMethod("cloudapi", "accounts", "getConsumedCloudUnits", true, ApiMethod.PostOnly, byId,
            ctx => ConsumedUnits(ctx.State, Readable(ctx), ctx.Now));
        yield return new ApiMethod("cloudapi", "accounts", "getConsumedCloudUnitsByType", true, ApiMethod.PostOnly,
            [Required("accountId", ParamType.Int), Required("cutype", ParamType.Str)], ConsumedByType);
        yield return new ApiMethod("cloudapi", "accounts", "getConsumption", true, ApiMethod.GetAndPost,
            [Required("accountId", ParamType.Int), Required("start", ParamType.Float), Required("end", ParamType.Float)],
            ctx => Consumption(ctx, services.Options.ConsumptionPublishDelay));
    }

    private static Account Readable(CallContext ctx)
    {
        var account = ctx.State.GetAccount(ctx.Int("accountId"));
        ctx.State.Require(ctx.Caller, account, 'R');
        return account;
    }

    private static object List(CallContext ctx) =>
        ctx.State.Accounts.Values
            .Where(a => a.Acl.Any(ace => ace.UserGroupId == ctx.Caller.Name))
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                id = a.Id,
                name = a.Name,
                acl = a.Acl.Select(Views.Ace).ToList(),
                creationTime = Views.Epoch(a.CreatedAt),
                updateTime = Views.Epoch(a.CreatedAt),
            })
            .ToList();

    private static object Get(CallContext ctx)
    {
        var account = Readable(ctx);
        return new Dictionary<string, object?>
        {
            ["id"] = account.Id,
            ["guid"] = account.Id,
            ["name"] = account.Name,
            ["status"] = account.Status,
            ["creationTime"] = Views.Epoch(account.CreatedAt),
            ["updateTime"] = Views.Epoch(account.CreatedAt),
            ["deactivationTime"] = 0,
            ["DCLocation"] = ctx.State.Catalogue.Locations.FirstOrDefault()?.Code ?? "",
            ["company"] = "",
            ["companyurl"] = "",
            ["displayname"] = account.Name,
            ["sendAccessEmails"] = false,
            ["resourceLimits"] = Views.Limits(ResourceLimits.Unlimited),
            ["acl"] = account.Acl.Select(a => Views.AceWithDelete(a)).ToList(),
            ["_meta"] = new object[] { "osismodel", "cloudbroker", "account", account.Id },
        };
    }

    /// <summary>Current allocation (§3.6): machines not DESTROYED/DELETED/ERROR, deployed cloudspaces' public IPs.</summary>
    private static Dictionary<string, object> ConsumedUnits(ControllerState state, Account account, DateTimeOffset now)
    {
        var spaces = state.CloudSpaces.Values.Where(s => s.AccountId == account.Id).ToList();
        var machines = state.Machines.Values.Where(m => spaces.Any(s => s.Id == m.CloudSpaceId) && !Statuses.IsGone(m.Status)).ToList();
        return new Dictionary<string, object>
        {
            ["CU_M"] = machines.Sum(m => m.MemoryMiB) / 1024.0,
            ["CU_C"] = machines.Sum(m => m.Vcpus),
            ["CU_D"] = machines.Sum(m => m.StorageGb),
            ["CU_I"] = spaces.Count(s => s.StatusAt(now) == Statuses.Deployed),
            ["CU_S"] = 0,
            ["CU_A"] = 0,
            ["CU_NO"] = 0,
            ["CU_NP"] = 0,
        };
    }

    private static object ConsumedByType(CallContext ctx)
    {
        var cutype = ctx.Str("cutype");
        if (!CuTypes.Contains(cutype))
        {
            throw OvcException.BadRequest($"Invalid cloud unit type: {cutype}");
        }

        return ConsumedUnits(ctx.State, Readable(ctx), ctx.Now)[cutype];
    }

    private static object Consumption(CallContext ctx, TimeSpan publishDelay)
    {
        // A real GET without exactly this Accept header streams a zip of Cap'n Proto files; the devnet serves JSON only.
        if (ctx.Verb == "GET" && ctx.Accept != "application/json")
        {
            return new HttpReply(406, "The devnet serves getConsumption as JSON only: POST, or GET with 'Accept: application/json'.", "text/plain");
        }

        var account = Readable(ctx);
        return ConsumptionReport.Build(ctx.State, account, ctx.Float("start"), ctx.Float("end"), ctx.Now, publishDelay);
    }
}
