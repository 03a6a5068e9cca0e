using Peer2Peer.Devnet.OpenvCloud.Model;
using static Peer2Peer.Devnet.OpenvCloud.Api.ParamSpec;

namespace Peer2Peer.Devnet.OpenvCloud.Api.Actors;

/// <summary>
/// <c>cloudapi/machines</c> (§3.8): list, get (lower-case <c>cloudspaceid</c>/<c>sizeid</c>/<c>imageid</c>), create
/// (JSON integer id), start, stop, delete. Machines start RUNNING at once; every transition is recorded for consumption.
/// </summary>
internal static class MachinesActor
{
    private const int MaxDataDiskGb = 2000;

    public static IEnumerable<ApiMethod> Methods()
    {
        ParamSpec[] byId = [Required("machineId", ParamType.Int)];
        yield return new ApiMethod("cloudapi", "machines", "list", true, ApiMethod.PostOnly, [Opt("cloudspaceId", ParamType.Int)], List);
        yield return new ApiMethod("cloudapi", "machines", "get", true, ApiMethod.PostOnly, byId, Get);
        yield return new ApiMethod("cloudapi", "machines", "create", true, ApiMethod.PostOnly,
            [
                Required("cloudspaceId", ParamType.Int),
                Required("name", ParamType.Str),
                Opt("description", ParamType.Str, ""),
                Required("imageId", ParamType.Int),
                Required("disksize", ParamType.Int),
                Opt("sizeId", ParamType.Int),
                Opt("vcpus", ParamType.Int),
                Opt("memory", ParamType.Int),
                Opt("datadisks", ParamType.IntList),
                Opt("userdata", ParamType.Any),
            ],
            Create);
        yield return new ApiMethod("cloudapi", "machines", "start", true, ApiMethod.PostOnly,
            [Required("machineId", ParamType.Int), Opt("diskId", ParamType.Int)], ctx => Transition(ctx, Statuses.Running));
        yield return new ApiMethod("cloudapi", "machines", "stop", true, ApiMethod.PostOnly,
            [Required("machineId", ParamType.Int), Opt("force", ParamType.Bool, false)], ctx => Transition(ctx, Statuses.Halted));
        yield return new ApiMethod("cloudapi", "machines", "delete", true, ApiMethod.PostOnly,
            [Required("machineId", ParamType.Int), Opt("permanently", ParamType.Bool, false)],
            ctx => Transition(ctx, ctx.Bool("permanently") ? Statuses.Destroyed : Statuses.Deleted));
    }

    private static object List(CallContext ctx)
    {
        var spaceId = ctx.OptInt("cloudspaceId") ?? throw OvcException.BadRequest("Please specify a cloudsapce ID.");
        var space = ctx.State.GetCloudSpace(spaceId);
        ctx.State.Require(ctx.Caller, space, 'R');
        return ctx.State.Machines.Values
            .Where(m => m.CloudSpaceId == space.Id && !Statuses.IsGone(m.Status))
            .OrderBy(m => m.Id)
            .Select(m => new
            {
                id = m.Id,
                referenceId = m.ReferenceId,
                name = m.Name,
                status = m.Status,
                sizeId = m.SizeId,
                imageId = m.Image.Id,
                stackId = m.StackId,
                memory = m.MemoryMiB,
                vcpus = m.Vcpus,
                disks = m.Disks.Select(d => d.Id).ToList(),
                storage = m.StorageGb,
                nics = new[] { Views.Nic(m) },
                creationTime = Views.Epoch(m.CreatedAt),
                updateTime = Views.Epoch(m.UpdatedAt),
            })
            .ToList();
    }

    private static object Get(CallContext ctx)
    {
        var (machine, space) = Find(ctx, 'R');
        var inherited = ctx.State.GetAccount(space.AccountId).Acl.Concat(space.Acl);
        return new
        {
            id = machine.Id,
            cloudspaceid = machine.CloudSpaceId,
            name = machine.Name,
            description = machine.Description,
            hostname = machine.Name,
            status = machine.Status,
            locked = false,
            sizeid = machine.SizeId,
            imageid = machine.Image.Id,
            osImage = machine.Image.Name,
            vcpus = machine.Vcpus,
            memory = machine.MemoryMiB,
            storage = machine.StorageGb,
            creationTime = Views.Epoch(machine.CreatedAt),
            updateTime = Views.Epoch(machine.UpdatedAt),
            disks = machine.Disks.Select(d => new
            {
                id = d.Id,
                name = d.Name,
                descr = "",
                type = d.Type,
                sizeMax = d.SizeMaxGb,
                status = "ASSIGNED",
                referenceId = $"{machine.ReferenceId}-disk-{d.Id}",
            }).ToList(),
            // Guest OS credentials: shown to the API caller, never logged.
            accounts = new[] { new { login = "user", password = machine.GuestPassword } },
            interfaces = new[] { Views.Nic(machine) },
            acl = inherited.Select(a => Views.AceWithDelete(a, @explicit: false)).ToList(),
        };
    }

    private static object Create(CallContext ctx)
    {
        var state = ctx.State;
        var space = state.GetCloudSpace(ctx.Int("cloudspaceId"));
        state.Require(ctx.Caller, space, 'C');
        var name = ctx.Str("name").Trim();
        if (name.Length == 0)
        {
            throw OvcException.BadRequest("Machine name can not be empty");
        }

        if (state.Machines.Values.Any(m => m.CloudSpaceId == space.Id && m.Name == name && !Statuses.IsGone(m.Status)))
        {
            throw OvcException.Conflict("Selected name already exists");
        }

        var imageId = ctx.Int("imageId");
        var image = state.Catalogue.Images.FirstOrDefault(i => i.Id == imageId)
            ?? throw OvcException.NotFound($"Could not find {imageId} of type image");
        if (image.Locations.Count > 0 && !image.Locations.Contains(space.Location.Code))
        {
            throw OvcException.BadRequest($"Image {imageId} is not available in location {space.Location.Code}");
        }

        var (sizeId, vcpus, memory, allowedDisks) = ResolveSize(ctx, space);
        var disksize = ctx.Int("disksize");
        if (disksize < image.MinDiskGb)
        {
            throw OvcException.BadRequest($"Disk size should be at least {image.MinDiskGb} GB for image {image.Name}");
        }

        if (allowedDisks is not null ? !allowedDisks.Contains(disksize) : disksize > MaxDataDiskGb)
        {
            throw OvcException.BadRequest($"Disk size of {disksize}GB is invalid for sizeId {sizeId}.");
        }

        var dataDisks = ctx.IntList("datadisks");
        if (dataDisks.Any(gb => gb is < 1 or > MaxDataDiskGb))
        {
            throw OvcException.BadRequest($"Data disk size should be between 1 and {MaxDataDiskGb} GB");
        }

        // A machine on a cloudspace still deploying deploys it, as the real controller does on first use.
        if (space.DeployedAt > ctx.Now)
        {
            space.DeployedAt = ctx.Now;
        }

        var machine = state.AddMachine(space, name, ctx.OptStr("description") ?? "", image, sizeId, vcpus, memory, disksize, dataDisks, ctx.Now);
        return machine.Id;
    }

    private static (int SizeId, int Vcpus, int Memory, IReadOnlyList<int>? Disks) ResolveSize(CallContext ctx, CloudSpace space)
    {
        var sizeId = ctx.OptInt("sizeId");
        var vcpus = ctx.OptInt("vcpus");
        var memory = ctx.OptInt("memory");
        if (sizeId is { } id)
        {
            if (vcpus is not null || memory is not null)
            {
                throw OvcException.BadRequest("sizeId and vcpus/memory are mutually exclusive");
            }

            var size = ctx.State.Catalogue.Sizes.FirstOrDefault(s => s.Id == id) ?? throw OvcException.NotFound($"Could not find {id} of type size");
            if (!size.Locations.Contains(space.Location.Code) || (space.AllowedVMSizes.Count > 0 && !space.AllowedVMSizes.Contains(id)))
            {
                throw OvcException.BadRequest($"Size {id} is not allowed in cloudspace {space.Id}");
            }

            return (size.Id, size.Vcpus, size.MemoryMiB, size.Disks);
        }

        if (vcpus is not { } cpus || memory is not { } mem)
        {
            throw OvcException.BadRequest("Either sizeId or vcpus and memory should be given");
        }

        if (cpus is < 1 or > 64 || mem is < 512 or > 1024 * 1024 || mem % 2 != 0)
        {
            throw OvcException.BadRequest("vcpus should be between 1 and 64 and memory an even number of MiB of at least 512");
        }

        return (0, cpus, mem, null);
    }

    private static object Transition(CallContext ctx, string target)
    {
        var (machine, _) = Find(ctx, 'X');
        machine.SetStatus(target, ctx.Now);
        return true;
    }

    private static (Machine Machine, CloudSpace Space) Find(CallContext ctx, char right)
    {
        var machine = ctx.State.GetMachine(ctx.Int("machineId"));
        var space = ctx.State.GetCloudSpace(machine.CloudSpaceId);
        ctx.State.Require(ctx.Caller, space, right);
        return (machine, space);
    }
}
