using System;
using System.Collections.Generic;
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

    public string Allocate(string conventionName, string owner, SourceSpan location, string scope, List<ConventionDiagnostic> diagnostics, string suffix = "")
    {
        var preferred = CSharpNames.Pascal(conventionName) + suffix;
        if (TryTake(preferred, owner))
        {
            return preferred;
        }
        var underscored = CSharpNames.PascalKeepingUnderscores(conventionName) + suffix;
        if (TryTake(underscored, owner))
        {
            return underscored;
        }
        for (var i = 2; ; i++)
        {
            var numbered = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (TryTake(numbered, owner))
            {
                // The same convention name twice is a duplicate, reported where it is defined.
                if (_owners[preferred] == owner)
                {
                    return numbered;
                }
                diagnostics.Add(ConventionDiagnostic.Create(ConventionRules.IdentifierCollision, location,
                    _owners[preferred], owner, scope + preferred, scope + numbered));
                return numbered;
            }
        }
    }

    private bool TryTake(string name, string owner)
    {
        if (_owners.ContainsKey(name))
        {
            return false;
        }
        _owners[name] = owner;
        return true;
    }
}
