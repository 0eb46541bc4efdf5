using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// The rule options a team sets in .editorconfig:
/// <code>
/// telemetry_conventions.identifier_patterns = patient, student, mrn, badge
/// telemetry_conventions.sanitizers = Contoso.Privacy.Tokens.Tokenize, Contoso.Privacy.Vault.Store
/// </code>
/// Options are read per syntax tree (editorconfig sections apply per file) and parsed once per
/// distinct value.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string IdentifierPatternsKey = "telemetry_conventions.identifier_patterns";
    public const string SanitizersKey = "telemetry_conventions.sanitizers";

    /// <summary>
    /// Words that make a name a personal identifier: who it is about (patient, student, …) and the
    /// identifiers that are personal by themselves (mrn, ssn, email, …).
    /// </summary>
    public static readonly ImmutableArray<string> DefaultIdentifierPatterns = ImmutableArray.Create(
        "patient", "student", "pupil", "learner", "customer", "user", "player", "member", "account",
        "person", "employee", "guest", "citizen", "subscriber", "viewer", "passenger", "resident",
        "mrn", "ssn", "nhs", "passport", "email", "phone", "msisdn", "iban");

    /// <summary>
    /// Last words that keep a pattern word an identifier: <c>patientId</c>, <c>customerEmail</c>,
    /// <c>playerName</c>, but not <c>patientCount</c> or <c>userAgent</c>.
    /// </summary>
    public static readonly ImmutableHashSet<string> IdentityWords = ImmutableHashSet.Create(StringComparer.Ordinal,
        "id", "ids", "identifier", "identifiers", "number", "numbers", "num", "no", "nr", "key", "name", "names",
        "email", "emails", "mail", "phone", "mobile", "code", "uuid", "guid", "handle", "login", "username",
        "address", "ref", "reference", "tag", "mrn", "ssn");

    public static readonly TelemetryOptions Default = new(DefaultIdentifierPatterns, ImmutableArray<string>.Empty);

    private static readonly ConcurrentDictionary<(string? Patterns, string? Sanitizers), TelemetryOptions> Parsed = new();

    private TelemetryOptions(ImmutableArray<string> identifierPatterns, ImmutableArray<string> sanitizers)
    {
        IdentifierPatterns = identifierPatterns.ToImmutableHashSet(StringComparer.Ordinal);
        Sanitizers = sanitizers.ToImmutableHashSet(StringComparer.Ordinal);
        SanitizerMethodNames = sanitizers
            .Select(s => s.LastIndexOf('.') is var dot && dot >= 0 ? s.Substring(dot + 1) : s)
            .ToImmutableHashSet(StringComparer.Ordinal);
    }

    public ImmutableHashSet<string> IdentifierPatterns { get; }

    /// <summary>Fully qualified method names (<c>Namespace.Type.Method</c>).</summary>
    public ImmutableHashSet<string> Sanitizers { get; }

    /// <summary>The method names alone, so that most calls are dismissed without formatting a symbol.</summary>
    public ImmutableHashSet<string> SanitizerMethodNames { get; }

    public static TelemetryOptions Read(AnalyzerConfigOptions options)
    {
        options.TryGetValue(IdentifierPatternsKey, out var patterns);
        options.TryGetValue(SanitizersKey, out var sanitizers);
        if (string.IsNullOrWhiteSpace(patterns) && string.IsNullOrWhiteSpace(sanitizers))
        {
            return Default;
        }
        return Parsed.GetOrAdd((patterns, sanitizers), static key => new TelemetryOptions(
            string.IsNullOrWhiteSpace(key.Patterns) ? DefaultIdentifierPatterns : ParsePatterns(key.Patterns!),
            List(key.Sanitizers)));
    }

    /// <summary>
    /// A leading <c>+</c> adds to the defaults (<c>+badge, +visa</c>); a plain list replaces them, so a
    /// team can also drop a word that means something else in its domain.
    /// </summary>
    private static ImmutableArray<string> ParsePatterns(string value)
    {
        var items = List(value);
        if (items.All(i => i.StartsWith("+", StringComparison.Ordinal)))
        {
            return DefaultIdentifierPatterns.AddRange(items.Select(i => i.Substring(1).ToLowerInvariant()).Where(i => i.Length > 0));
        }
        return items.Select(i => i.TrimStart('+').ToLowerInvariant()).Where(i => i.Length > 0).ToImmutableArray();
    }

    private static ImmutableArray<string> List(string? value) =>
        value is null
            ? ImmutableArray<string>.Empty
            : value.Split(new[] { ',', ';', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToImmutableArray();

    /// <summary>
    /// Whether a name, split into words, names a personal identifier; <paramref name="domain"/> is the
    /// pattern word that matched (the pseudonymisation domain a fix uses).
    /// </summary>
    public bool IsIdentifierName(IReadOnlyList<string> words, out string domain)
    {
        domain = "";
        if (words.Count == 0)
        {
            return false;
        }
        var last = words[words.Count - 1];
        for (var i = 0; i < words.Count; i++)
        {
            if (IdentifierPatterns.Contains(words[i]) && (i == words.Count - 1 || IdentityWords.Contains(last)))
            {
                domain = words[i];
                return true;
            }
        }
        return false;
    }
}
