using Peer2Peer.Devnet.OpenvCloud.Model;
using static Peer2Peer.Devnet.OpenvCloud.Api.ParamSpec;

namespace Peer2Peer.Devnet.OpenvCloud.Api.Actors;

/// <summary><c>cloudapi/locations</c>, <c>sizes</c>, <c>images</c>, <c>externalnetwork</c> (§3.2–3.5).</summary>
internal static class CatalogueActors
{
    public static IEnumerable<ApiMethod> Methods(ControllerServices services)
    {
        yield return new ApiMethod("cloudapi", "locations", "list", false, ApiMethod.PostOnly, [], ListLocations);
        yield return new ApiMethod("cloudapi", "locations", "getUrl", false, ApiMethod.PostOnly, [], _ => services.BaseUrl);
        yield return new ApiMethod("cloudapi", "sizes", "list", true, ApiMethod.PostOnly,
            [Opt("cloudspaceId", ParamType.Int), Opt("location", ParamType.Str)], ListSizes);
        yield return new ApiMethod("cloudapi", "images", "list", true, ApiMethod.PostOnly,
            [Opt("accountId", ParamType.Int), Opt("cloudspaceId", ParamType.Int)], ListImages);
        yield return new ApiMethod("cloudapi", "externalnetwork", "list", true, ApiMethod.PostOnly,
            [Opt("accountId", ParamType.Int)], _ => new[] { new { id = 1, name = "public" } });
    }

    private static object ListLocations(CallContext ctx) =>
        ctx.State.Catalogue.Locations.Select(l => new Dictionary<string, object>
        {
            ["id"] = l.Id,
            ["guid"] = l.Id,
            ["gid"] = l.Gid,
            ["name"] = l.Code,
            ["locationCode"] = l.Code,
            ["flag"] = l.Flag,
            ["_meta"] = new object[] { "osismodel", "cloudbroker", "location", l.Id },
        }).ToList();

    private static object ListSizes(CallContext ctx)
    {
        IEnumerable<SizeSpec> sizes;
        if (ctx.OptInt("cloudspaceId") is { } spaceId)
        {
            var space = ctx.State.GetCloudSpace(spaceId);
            ctx.State.Require(ctx.Caller, space, 'R');
            sizes = ctx.State.Catalogue.Sizes.Where(s => s.Locations.Contains(space.Location.Code)
                && (space.AllowedVMSizes.Count == 0 || space.AllowedVMSizes.Contains(s.Id)));
        }
        else if (ctx.OptStr("location") is { } code)
        {
            var location = ctx.State.FindLocation(code) ?? throw OvcException.NotFound($"Could not find location {code}");
            sizes = ctx.State.Catalogue.Sizes.Where(s => s.Locations.Contains(location.Code));
        }
        else
        {
            throw OvcException.BadRequest("Either cloudspaceId or location should be given");
        }

        return sizes.Select(s => new { id = s.Id, name = s.Name, vcpus = s.Vcpus, memory = s.MemoryMiB, description = "", disks = s.Disks }).ToList();
    }

    private static object ListImages(CallContext ctx)
    {
        IEnumerable<ImageSpec> images = ctx.State.Catalogue.Images;
        if (ctx.OptInt("cloudspaceId") is { } spaceId)
        {
            var space = ctx.State.GetCloudSpace(spaceId);
            ctx.State.Require(ctx.Caller, space, 'R');
            images = images.Where(i => i.Locations.Count == 0 || i.Locations.Contains(space.Location.Code));
        }

        // Only system images exist on the devnet (accountId 0), so accountId adds nothing.
        return images.Select(i => new
        {
            id = i.Id,
            name = i.Name,
            description = "",
            type = i.Type,
            size = i.MinDiskGb,
            username = "",
            accountId = 0,
            status = "CREATED",
        }).ToList();
    }
}
