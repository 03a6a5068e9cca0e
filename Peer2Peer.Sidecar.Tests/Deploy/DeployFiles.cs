using System.Text.RegularExpressions;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Deploy;

/// <summary>
/// deploy/Dockerfile, docker-compose.yml and docs/DEPLOY.md read as text. The compose file is plain block YAML
/// (no flow mappings, no multi-line scalars), so indentation is enough to find a key's block; the merged view that
/// YAML anchors produce is checked by running <c>docker-compose config</c> in <see cref="ComposeConfigTests"/>.
/// </summary>
internal static partial class DeployFiles
{
    public static string DockerfilePath => Path.Combine(TestPaths.RepositoryRoot, "deploy", "Dockerfile");

    public static string ComposePath => Path.Combine(TestPaths.RepositoryRoot, "docker-compose.yml");

    public static string DeployDocPath => Path.Combine(TestPaths.RepositoryRoot, "docs", "DEPLOY.md");

    /// <summary>Dockerfile instructions, continuation lines joined and comments dropped: ("RUN", "apt-get …").</summary>
    public static IReadOnlyList<(string Instruction, string Arguments)> DockerfileInstructions()
    {
        var instructions = new List<(string, string)>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(DockerfilePath))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            var full = pending + line;
            pending = "";
            var space = full.IndexOf(' ');
            instructions.Add((full[..space].ToUpperInvariant(), full[(space + 1)..].Trim()));
        }

        return instructions;
    }

    /// <summary>The compose file's lines without comments (whole-line and trailing " #").</summary>
    public static IReadOnlyList<string> ComposeLines() =>
        File.ReadAllLines(ComposePath)
            .Select(line => line.IndexOf(" #", StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line)
            .Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            .Select(line => line.TrimEnd())
            .ToList();

    /// <summary>The lines nested under <paramref name="path"/> (e.g. "services", "siad", "ports"); empty if absent.</summary>
    public static IReadOnlyList<string> Block(IReadOnlyList<string> lines, params string[] path)
    {
        IReadOnlyList<string> block = lines;
        foreach (var key in path)
        {
            if (block.Count == 0)
            {
                return block;
            }

            var level = block.Min(Indent);
            var start = block.ToList().FindIndex(line => Indent(line) == level && line.Trim().StartsWith(key + ":", StringComparison.Ordinal));
            if (start < 0)
            {
                return [];
            }

            block = block.Skip(start + 1).TakeWhile(line => Indent(line) > level).ToList();
        }

        return block;
    }

    /// <summary>The value of <c>key: value</c> directly in a block, unquoted; null if absent.</summary>
    public static string? Value(IReadOnlyList<string> block, string key)
    {
        if (block.Count == 0)
        {
            return null;
        }

        var level = block.Min(Indent);
        var line = block.FirstOrDefault(l => Indent(l) == level && l.Trim().StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? null : Unquote(line.Trim()[(key.Length + 1)..].Trim());
    }

    /// <summary>The <c>- item</c> entries directly in a block, unquoted.</summary>
    public static IReadOnlyList<string> Items(IReadOnlyList<string> block) =>
        block.Where(line => line.TrimStart().StartsWith("- ", StringComparison.Ordinal)).Select(line => Unquote(line.Trim()[2..].Trim())).ToList();

    /// <summary>Every <c>Key: value</c> under any <c>environment:</c> block (anchors and merges included as written).</summary>
    public static IReadOnlyList<(string Key, string Value)> EnvironmentEntries()
    {
        var lines = ComposeLines();
        var entries = new List<(string, string)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!EnvironmentKey().IsMatch(lines[i]))
            {
                continue;
            }

            var level = Indent(lines[i]);
            foreach (var line in lines.Skip(i + 1).TakeWhile(l => Indent(l) > level))
            {
                var colon = line.IndexOf(':');
                var key = line.Trim()[..(colon - Indent(line))];
                if (key != "<<")
                {
                    entries.Add((key, Unquote(line[(colon + 1)..].Trim())));
                }
            }
        }

        return entries;
    }

    /// <summary>Every <c>${NAME…}</c> the compose file reads, with its <c>:-</c> default (null when it has none).</summary>
    public static IReadOnlyDictionary<string, string?> ComposeVariables() =>
        VariableReference().Matches(File.ReadAllText(ComposePath))
            .GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => g.First().Groups["default"].Success ? g.First().Groups["default"].Value : null);

    public static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;

    [GeneratedRegex(@"^\s*environment:\s*(&[\w-]+)?\s*$")]
    private static partial Regex EnvironmentKey();

    [GeneratedRegex(@"\$\{(?<name>[A-Z][A-Z0-9_]*)(:-(?<default>[^}]*))?\}")]
    private static partial Regex VariableReference();
}
