using System.Security.Cryptography;
using System.Text;
using Peer2Peer.Devnet.OpenvCloud.Async;
using Peer2Peer.Devnet.OpenvCloud.Faults;
using static Peer2Peer.Devnet.OpenvCloud.Api.ParamSpec;

namespace Peer2Peer.Devnet.OpenvCloud.Api.Actors;

/// <summary>Legacy login, whoami, the async task poll and the unauthenticated liveness calls (§2.2, §2.3, §1.6, §3.1).</summary>
internal static class SystemActors
{
    public static IEnumerable<ApiMethod> Methods(ControllerServices services)
    {
        yield return new ApiMethod("cloudapi", "users", "authenticate", false, ApiMethod.PostOnly,
            [Required("username", ParamType.Str), Required("password", ParamType.Str)],
            ctx => Login(services, ctx.Str("username"), ctx.Str("password")));
        yield return new ApiMethod("system", "usermanager", "authenticate", false, ApiMethod.PostOnly,
            [Required("name", ParamType.Str), Required("secret", ParamType.Str)],
            ctx => Login(services, ctx.Str("name"), ctx.Str("secret")));
        yield return new ApiMethod("system", "usermanager", "whoami", false, ApiMethod.PostOnly, [],
            ctx => new { name = ctx.Caller.Name, admin = false });
        // No auth: the guid is the capability, so guest calls (locations.list, users.authenticate) can be polled too.
        yield return new ApiMethod("system", "task", "get", false, ApiMethod.PostOnly,
            [Required("taskguid", ParamType.Str)], ctx => TaskGet(services.Tasks, ctx.Str("taskguid")));
        yield return new ApiMethod("cloudbroker", "health", "status", false, ApiMethod.PostOnly, [], _ => Health(services.Faults.Current));
        yield return new ApiMethod("cloudbroker", "grid", "status", false, ApiMethod.GetAndPost, [], _ => true);
    }

    private static object Login(ControllerServices services, string username, string password)
    {
        var known = services.State.LocalUsers.TryGetValue(username, out var expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
        return known ? services.Sessions.Create(username) : new HttpReply(401, "Unauthorized");
    }

    private static object TaskGet(TaskRegistry tasks, string guid) => tasks.Get(guid, out var outcome) switch
    {
        TaskState.Running => new HttpReply(202, null),
        TaskState.Done when outcome!.Success => new object?[] { true, outcome.Result },
        TaskState.Done => new object?[] { false, outcome!.Error },
        _ => throw OvcException.NotFound($"Could not find task {guid}"),
    };

    private static object Health(FaultState faults)
    {
        var report = FaultInjector.HealthComponents.ToDictionary(c => c, c => !faults.UnhealthyComponents.Contains(c));
        return faults.UnhealthyComponents.Count == 0 ? report : new HttpReply(503, report);
    }
}
