using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>What the key of a site says about the value it carries.</summary>
internal static class SiteKeys
{
    /// <summary>The declared attribute the site's constant key names, for attribute and baggage sites.</summary>
    public static AttributeDefinition? Declared(TelemetryCompilation compilation, TelemetrySite site) =>
        site.KeyName is { } key && site.Key is not null && (site.IsAttribute || site.Kind == SinkKind.Baggage) && compilation.HasConventionFiles
            ? compilation.Conventions.Find(key)
            : null;

    /// <summary>
    /// Whether the key demands a pseudonym, and in which domain: declared <c>pseudonymize</c>, or an
    /// undeclared key or log placeholder whose name is an identifier (<c>customer.id</c>, <c>{PatientId}</c>).
    /// </summary>
    public static bool RequiresPseudonym(TelemetrySite site, AttributeDefinition? declared, TelemetryOptions options, out string domain)
    {
        domain = "";
        if (declared?.PseudonymDomain is { } declaredDomain)
        {
            // The declared identifier space, so that a fix written here and the generated helpers
            // (which use the same domain) give one pseudonym for one person.
            domain = declaredDomain;
            return true;
        }
        return declared is null && site.KeyName is { } keyName && options.IsIdentifierName(NameWords.Split(keyName), out domain) && !IsCredentialDomain(domain);
    }

    /// <summary>
    /// A key that names a token (<c>{Token}</c>, <c>auth.token</c>) says the value is a credential, often
    /// the service's own (a configured webhook secret): only a value shown to be somebody's is reported.
    /// </summary>
    public static bool IsCredentialDomain(string domain) => domain == "token";

    public static string Root(string key)
    {
        var dot = key.IndexOf('.');
        return dot > 0 ? key.Substring(0, dot) : key;
    }
}
