using System.Text.Json;

namespace Peer2Peer.Bench;

/// <summary>
/// The list requests the load tool cycles through: first pages over every sort and order with a spread of filters and
/// limits, and the following pages of each, reached by walking their cursors before the run (so they are real cursors).
/// </summary>
internal static class ApiRequestMix
{
    private static readonly string[] Sorts = ["price", "uptime", "announced"];
    private static readonly string[] MaxPrices = ["0.05%20SC", "0.1%20SC", "0.2%20SC", "0.5%20SC"];

    public sealed record Mix(IReadOnlyList<string> Paths, int FirstPages, long Bytes, long Items);

    public static async Task<Mix> BuildAsync(Uri server, int firstPages)
    {
        using var client = new HttpClient { BaseAddress = server };
        var random = new Random(42);
        var paths = new List<string>();
        long bytes = 0, items = 0;
        for (var q = 0; q < firstPages; q++)
        {
            // Every sort and order in turn; filters and limit drawn.
            var query = $"/api/providers?{Filter(random)}sort={Sorts[q % 3]}&order={(q / 3 % 2 == 0 ? "asc" : "desc")}&limit={random.Next(2, 6) * 10}";
            var path = query;
            for (var page = random.Next(0, 5); ; page--)
            {
                var body = await client.GetByteArrayAsync(path);
                paths.Add(path);
                bytes += body.Length;
                using var json = JsonDocument.Parse(body);
                items += json.RootElement.GetProperty("items").GetArrayLength();
                if (page == 0 || json.RootElement.GetProperty("nextCursor").GetString() is not { } cursor)
                {
                    break;
                }

                path = query + "&cursor=" + Uri.EscapeDataString(cursor);
            }
        }

        return new Mix(paths, firstPages, bytes, items);
    }

    private static string Filter(Random random)
    {
        var location = ApiCatalogueFill.Locations[random.Next(ApiCatalogueFill.Locations.Length)];
        var vcpus = 1 << random.Next(1, 4);
        var price = MaxPrices[random.Next(MaxPrices.Length)];
        return random.Next(8) switch
        {
            0 => "",
            1 => $"location={location}&",
            2 => $"minVcpus={vcpus}&",
            3 => $"maxPricePerHour={price}&",
            4 => "onlineOnly=true&",
            5 => $"location={location}&minVcpus={vcpus}&",
            6 => $"location={location}&maxPricePerHour={price}&onlineOnly=true&",
            _ => $"minVcpus={vcpus}&maxPricePerHour={price}&onlineOnly=true&",
        };
    }
}
