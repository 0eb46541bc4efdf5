using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>
/// <c>TelemetryConventionsStability=stable</c>: leaves out what imported registries (the upstream
/// registry, conventions packages) have not made stable. The project's own conventions are
/// generated whatever their stability: a team marks its own work <c>development</c> while it
/// settles, and a filter that silently dropped all of it would leave the project with no API.
/// What was left out is reported once (TC0032), at the first such convention.
/// </summary>
internal sealed class StabilityFilter
{
    private readonly bool _stableOnly;
    private readonly HashSet<string> _importedFiles;
    private readonly HashSet<string> _importedAttributes;
    private readonly Dictionary<string, SourceSpan> _leftOut = new(StringComparer.Ordinal);

    public StabilityFilter(ResolvedRegistry registry, GenerationOptions options)
    {
        _stableOnly = options.StableOnly;
        _importedFiles = new HashSet<string>(registry.ImportedFiles, StringComparer.Ordinal);
        _importedAttributes = new HashSet<string>(
            registry.Attributes.Where(a => _importedFiles.Contains(a.Location.FilePath)).Select(a => a.Name), StringComparer.Ordinal);
    }

    /// <summary>Whether a group or attribute definition, declared at <paramref name="location"/>, is generated.</summary>
    public bool Keeps(string name, Stability stability, SourceSpan location)
    {
        if (!_stableOnly || stability == Stability.Stable || !_importedFiles.Contains(location.FilePath))
        {
            return true;
        }
        if (!_leftOut.ContainsKey(name))
        {
            _leftOut[name] = location;
        }
        return false;
    }

    /// <summary>Whether a group's attribute gets a parameter or setter: decided by where the attribute is defined.</summary>
    public bool Keeps(GroupAttribute attribute) =>
        !_stableOnly || attribute.Stability == Stability.Stable || !_importedAttributes.Contains(attribute.Name);

    /// <summary>TC0032 when the filter left anything out.</summary>
    public ConventionDiagnostic? Report()
    {
        if (_leftOut.Count == 0)
        {
            return null;
        }
        var first = _leftOut.OrderBy(p => p.Key, StringComparer.Ordinal).First();
        return ConventionDiagnostic.Create(ConventionRules.StabilityFilterLeftOut, first.Value,
            _leftOut.Count, _leftOut.Count == 1 ? "convention" : "conventions", first.Key);
    }
}
