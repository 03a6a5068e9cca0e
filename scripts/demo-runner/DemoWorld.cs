using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Peer2Peer.Demo;

/// <summary>One sidecar process the demo started: its name, URL, admin key and the devnet node it talks to.</summary>
internal sealed record SidecarProcess(string Name, Uri Url, string AdminKey, int Node, string Role, int? Controller);

/// <summary>The devnet summary the demo reads (URLs, passwords, controller credentials).</summary>
internal sealed class DevnetInfo(JObject summary)
{
    public JObject Summary { get; } = summary;

    public JObject Node(int i) => (JObject)Summary["nodes"]![i]!;

    public JObject Controller(int i) => (JObject)Summary["controllers"]![i]!;

    /// <summary>Mines blocks now through the devnet's control endpoint of node 0.</summary>
    public async Task MineAsync(HttpClient http, int blocks = 1)
    {
        var node = Node(0);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri((string)node["apiUrl"]!), "devnet/mine"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["blocks"] = blocks.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + (string)node["apiPassword"]!)));
        request.Headers.UserAgent.ParseAdd("Sia-Agent");
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    }
}

/// <summary>Calls to a sidecar's REST API.</summary>
internal static class SidecarApi
{
    public static async Task<JObject> GetAsync(HttpClient http, SidecarProcess sidecar, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sidecar.Url, path));
        request.Headers.Add("X-Api-Key", sidecar.AdminKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JObject.Parse(body) : throw new InvalidOperationException($"{sidecar.Name} GET {path}: {(int)response.StatusCode} {body}");
    }

    public static async Task<bool> IsReadyAsync(HttpClient http, SidecarProcess sidecar) =>
        (await http.GetAsync(new Uri(sidecar.Url, "health/ready"))).IsSuccessStatusCode;
}
