using YamlDotNet.RepresentationModel;

namespace TelemetryConventions.Tests.Infrastructure;

/// <summary>
/// An independent count of what the upstream YAML declares, read with the YAML library alone,
/// so generator output can be checked against the files rather than against itself.
/// </summary>
public static class UpstreamYaml
{
    public static HashSet<string> AttributeNames() => Collect(_ => true);

    public static HashSet<string> ExcludedFromCodeGeneration() => Collect(IsExcluded);

    private static bool IsExcluded(YamlMappingNode attribute) =>
        attribute.Children.TryGetValue(new YamlScalarNode("annotations"), out var annotations)
        && annotations is YamlMappingNode map
        && map.Children.TryGetValue(new YamlScalarNode("code_generation"), out var codeGeneration)
        && codeGeneration is YamlMappingNode hints
        && hints.Children.TryGetValue(new YamlScalarNode("exclude"), out var exclude)
        && ((YamlScalarNode)exclude).Value == "true";

    private static HashSet<string> Collect(Func<YamlMappingNode, bool> predicate)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in TestPaths.UpstreamFiles())
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            foreach (var section in new[] { "groups", "attributes" })
            {
                if (!root.Children.TryGetValue(new YamlScalarNode(section), out var list))
                {
                    continue;
                }
                foreach (var item in ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>())
                {
                    if (section == "attributes")
                    {
                        if (predicate(item)) names.Add(((YamlScalarNode)item.Children[new YamlScalarNode("key")]).Value!);
                        continue;
                    }
                    if (!item.Children.TryGetValue(new YamlScalarNode("attributes"), out var attributes) || attributes is not YamlSequenceNode sequence)
                    {
                        continue;
                    }
                    foreach (var attribute in sequence.Children.Cast<YamlMappingNode>())
                    {
                        if (attribute.Children.TryGetValue(new YamlScalarNode("id"), out var id) && predicate(attribute))
                        {
                            names.Add(((YamlScalarNode)id).Value!);
                        }
                    }
                }
            }
        }
        return names;
    }
}
