using Microsoft.CodeAnalysis;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>
/// The package's privacy classification of upstream attributes (src/Package/privacy), and a
/// project's own classification of an imported attribute, reach every reference once declared.
/// </summary>
public sealed class UpstreamPrivacyTests
{
    private const string Checkout = """
        groups:
          - id: span.cart.checkout
            type: span
            span_kind: server
            brief: A checkout.
            attributes:
              - ref: user.id
                requirement_level: required
              - ref: user.full_name
        """;

    private const string RawUserId = """
        using Telemetry;
        public static class Use
        {
            public static void Run(System.Diagnostics.ActivitySource source) { using var span = source.StartCartCheckout("raw-user-42"); }
        }
        """;

    private static readonly string PrivacyDefaults = Path.Combine(TestPaths.RepoRoot, "src", "Package", "privacy", "upstream-privacy.yaml");

    private static GeneratorRun Run(string ownYaml, string userCode, bool withDefaults = true)
    {
        var imported = TestPaths.UpstreamFiles().Where(p => p.Contains("/user/", StringComparison.Ordinal) || p.Contains("/client/", StringComparison.Ordinal) || p.Contains("/enduser/", StringComparison.Ordinal))
            .Concat(withDefaults ? new[] { PrivacyDefaults } : Array.Empty<string>())
            .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)));
        return GeneratorHarness.RunWithImportedRegistry(
            new[] { new InMemoryAdditionalText("/project/conventions/cart.yaml", ownYaml) }, imported, "upstream", "referenced",
            userCode);
    }

    [Fact]
    public void The_shipped_defaults_make_user_id_take_only_a_pseudonym()
    {
        var run = Run(Checkout, RawUserId);
        Assert.Empty(run.ConventionDiagnostics);
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Contains(errors, e => e.GetMessage().Contains("Pseudonym", StringComparison.Ordinal));
        // user.full_name is redacted: the span has no setter for it.
        Assert.DoesNotContain(run.HintNames.Select(run.Source), s => s.Contains("SetUserFullName", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_defaults_the_upstream_user_id_is_a_plain_string()
    {
        var run = Run(Checkout, RawUserId, withDefaults: false);
        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_project_overrides_a_default_once_in_an_attribute_group()
    {
        var run = Run(Checkout + """

              - id: cart.privacy
                type: attribute_group
                brief: This service's classification of upstream attributes.
                attributes:
                  - ref: user.id
                    annotations:
                      privacy:
                        classification: quasi_identifier
                        treatment: allow
            """, RawUserId);
        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
