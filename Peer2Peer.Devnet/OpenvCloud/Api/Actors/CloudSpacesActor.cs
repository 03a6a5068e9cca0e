using Peer2Peer.Devnet.OpenvCloud.Model;
using static Peer2Peer.Devnet.OpenvCloud.Api.ParamSpec;

namespace Peer2Peer.Devnet.OpenvCloud.Api.Actors;

/// <summary><c>cloudapi/cloudspaces</c> (§3.7): list, get, and create with asynchronous deployment.</summary>
internal static class CloudSpacesActor
{
    public static IEnumerable<ApiMethod> Methods(ControllerServices services)
    {
        yield return new ApiMethod("cloudapi", "cloudspaces", "list", true, ApiMethod.PostOnly,
            [Opt("includedeleted", ParamType.Bool, false)], List);
        yield return new ApiMethod("cloudapi", "cloudspaces", "get", true, ApiMethod.PostOnly,
            [Required("cloudspaceId", ParamType.Int)], Get);
        yield return new ApiMethod("cloudapi", "cloudspaces", "create", true, ApiMethod.PostOnly,
            [
                Required("accountId", ParamType.Int),
                Required("location", ParamType.Str),
                Required("name", ParamType.Str),
                Required("access", ParamType.Str),
                Opt("maxMemoryCapacity", ParamType.Float, -1.0),
                Opt("maxVDiskCapacity", ParamType.Int, -1),
                Opt("maxCPUCapacity", ParamType.Int, -1),
                Opt("maxNetworkPeerTransfer", ParamType.Int, -1),
                Opt("maxNumPublicIP", ParamType.Int, -1),
                Opt("externalnetworkId", ParamType.Int),
                Opt("allowedVMSizes", ParamType.IntList),
                Opt("privatenetwork", ParamType.Str),
                Opt("type", ParamType.Str, "routeros"),
            ],
            ctx => Create(ctx, services.State.CloudSpaceDeployTime));
    }

    private static object List(CallContext ctx)
    {
        var state = ctx.State;
        return state.CloudSpaces.Values
            .Where(s => state.Rights(ctx.Caller, s).Length > 0)
            .OrderBy(s => s.Id)
            .Select(s =>
            {
                var account = state.GetAccount(s.AccountId);
                var view = new Dictionary<string, object>
                {
                    ["id"] = s.Id,
                    ["name"] = s.Name,
                    ["descr"] = s.Description,
                    ["status"] = s.StatusAt(ctx.Now),
                    ["accountId"] = s.AccountId,
                    ["accountName"] = account.Name,
                    ["type"] = s.Type,
                    ["externalnetworkip"] = s.ExternalIpAt(ctx.Now),
                    ["publicipaddress"] = s.ExternalIpAt(ctx.Now),
                    ["location"] = s.Location.Code,
                    ["gid"] = s.Location.Gid,
                    ["creationTime"] = Views.Epoch(s.CreatedAt),
                    ["updateTime"] = Views.Epoch(s.UpdateTimeAt(ctx.Now)),
                    ["acl"] = s.Acl.Select(a => Views.AceWithDelete(a)).ToList(),
                };
                if (account.Acl.FirstOrDefault(a => a.UserGroupId == ctx.Caller.Name) is { } own)
                {
                    view["accountAcl"] = Views.Ace(own);
                }

                return view;
            })
            .ToList();
    }

    private static object Get(CallContext ctx)
    {
        var space = ctx.State.GetCloudSpace(ctx.Int("cloudspaceId"));
        ctx.State.Require(ctx.Caller, space, 'R');
        return new
        {
            id = space.Id,
            name = space.Name,
            description = space.Description,
            accountId = space.AccountId,
            gid = space.Location.Gid,
            location = space.Location.Code,
            status = space.StatusAt(ctx.Now),
            type = space.Type,
            resourceLimits = Views.Limits(space.Limits),
            publicipaddress = space.ExternalIpAt(ctx.Now),
            externalnetworkip = space.ExternalIpAt(ctx.Now),
            privatenetwork = space.PrivateNetwork,
            secret = space.Secret,
            creationTime = Views.Epoch(space.CreatedAt),
            updateTime = Views.Epoch(space.UpdateTimeAt(ctx.Now)),
            acl = space.Acl.Select(a => Views.AceWithDelete(a)).ToList(),
        };
    }

    private static object Create(CallContext ctx, TimeSpan deployTime)
    {
        var state = ctx.State;
        var account = state.GetAccount(ctx.Int("accountId"));
        state.Require(ctx.Caller, account, 'C');
        var code = ctx.Str("location");
        var location = state.FindLocation(code) ?? throw OvcException.BadRequest($"Location {code} does not exist");
        var name = ctx.Str("name").Trim();
        if (name.Length == 0)
        {
            throw OvcException.BadRequest("Cloud space name can not be empty");
        }

        if (state.CloudSpaces.Values.Any(s => s.AccountId == account.Id && s.Name == name))
        {
            throw OvcException.Conflict($"Cloudspace with name {name} already exists.");
        }

        var type = ctx.OptStr("type") ?? "routeros";
        if (type is not ("routeros" or "vgw"))
        {
            throw OvcException.BadRequest($"Invalid cloudspace type: {type}");
        }

        var access = ctx.Str("access");
        var sizes = ctx.IntList("allowedVMSizes");
        if (sizes.FirstOrDefault(id => !state.Catalogue.Sizes.Any(s => s.Id == id && s.Locations.Contains(code))) is var bad and not 0)
        {
            throw OvcException.BadRequest($"Size {bad} is not available in location {code}");
        }

        var limits = new ResourceLimits(ctx.Float("maxMemoryCapacity"), ctx.Int("maxCPUCapacity"), ctx.Int("maxVDiskCapacity"),
            ctx.Int("maxNumPublicIP"), ctx.Int("maxNetworkPeerTransfer"));
        var space = state.AddCloudSpace(account, name, location, ctx.Now, ctx.Now + deployTime, sizes, limits, ctx.OptStr("privatenetwork"), type);
        space.Acl.Add(new Ace(access, Ace.Admin));
        return space.Id;
    }
}
