using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>
/// Hands out unique C# names within one scope. A clash first falls back to a spelling that keeps
/// the underscores (<c>azure_vm</c> becomes <c>Azure_vm</c> beside <c>azure.vm</c>'s <c>AzureVm</c>);
/// only when that clashes too is a number appended, with a TC0016 warning.
/// </summary>
internal sealed class NameAllocator
{
    private readonly Dictionary<string, string> _owners;

    public NameAllocator(params string[] reserved)
        : this(StringComparer.Ordinal, reserved)
    {
    }

    /// <param name="comparer">
    /// Type names are compared ignoring case: each becomes a generated file, and hint names (like
    /// many file systems) do not tell case apart.
    /// </param>
    /// <param name="reserved">Names already taken in the scope.</param>
    public NameAllocator(StringComparer comparer, params string[] reserved)
    {
        _owners = new Dictionary<string, string>(comparer);
        foreach (var name in reserved)
        {
            _owners[name] = name;
        }
    }

    /// <param name="companions">
    /// Suffixes of further types the emitters derive from the name (an enum's <c>…Values</c> class):
    /// a name is taken only when those are free too, and they are taken with it, so that no
    /// attribute's own name can ever be one of them.
    /// </param>
    public string Allocate(string conventionName, string owner, SourceSpan location, string scope, List<ConventionDiagnostic> diagnostics, string suffix = "", params string[] companions)
    {
        var preferred = CSharpNames.Pascal(conventionName) + suffix;
        if (TryTake(preferred, owner, companions))
        {
            return preferred;
        }
        var underscored = CSharpNames.PascalKeepingUnderscores(conventionName) + suffix;
        if (TryTake(underscored, owner, companions))
        {
            return underscored;
        }
        for (var i = 2; ; i++)
        {
            var numbered = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (TryTake(numbered, owner, companions))
            {
                // The same convention name twice is a duplicate, reported where it is defined.
                if (_owners.TryGetValue(preferred, out var first) && first == owner)
                {
                    return numbered;
                }
                diagnostics.Add(ConventionDiagnostic.Create(ConventionRules.IdentifierCollision, location,
                    OwnerOf(preferred, companions), owner, scope + preferred, scope + numbered));
                return numbered;
            }
        }
    }

    private bool TryTake(string name, string owner, string[] companions)
    {
        if (_owners.ContainsKey(name) || companions.Any(c => _owners.ContainsKey(name + c)))
        {
            return false;
        }
        _owners[name] = owner;
        foreach (var companion in companions)
        {
            _owners[name + companion] = owner;
        }
        return true;
    }

    /// <summary>Who holds a name, or the companion of it that stood in the way.</summary>
    private string OwnerOf(string name, string[] companions) =>
        _owners.TryGetValue(name, out var owner) ? owner : companions.Select(c => _owners.TryGetValue(name + c, out var o) ? o : null).First(o => o is not null)!;
}
