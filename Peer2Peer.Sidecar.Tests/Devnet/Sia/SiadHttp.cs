using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Peer2Peer.Sidecar.Tests.Devnet.Sia;

/// <summary>A raw siad HTTP client for conformance tests: status, headers and body exactly as the server sent them.</summary>
internal sealed class SiadHttp(Uri baseUrl, string? password) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public string? Password { get; } = password;

    public Task<SiadResponse> GetAsync(string path, bool auth = true, string? userAgent = "Sia-Agent", string? password = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), auth, userAgent, password);

    public Task<SiadResponse> PostFormAsync(string path, IDictionary<string, string>? form = null, bool auth = true, string? password = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form ?? new Dictionary<string, string>()) }, auth, "Sia-Agent", password);

    public Task<SiadResponse> PostJsonAsync(string path, string json, bool auth = true) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, auth, "Sia-Agent", null);

    public void Dispose() => _client.Dispose();

    private async Task<SiadResponse> SendAsync(HttpRequestMessage request, bool auth, string? userAgent, string? password)
    {
        using (request)
        {
            if (userAgent is not null)
            {
                request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            }

            if (auth && (password ?? Password) is { } secret)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + secret)));
            }

            using var response = await _client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new SiadResponse((int)response.StatusCode, body, response.Headers, response.Content.Headers);
        }
    }
}

internal sealed record SiadResponse(int Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JToken Json => ParseJson(Body);

    /// <summary>Dates stay strings, as siad sent them.</summary>
    public static JToken ParseJson(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    public string? Message => Json["message"]?.ToString();

    public override string ToString() => $"{Status} {Body}";
}
