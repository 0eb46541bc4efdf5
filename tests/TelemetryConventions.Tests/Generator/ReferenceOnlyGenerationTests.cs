using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>
/// A registry the project did not write (marked with Registry item metadata) is referenced, not
/// generated whole: only what the project's own conventions ref, extend, ref_group or import is.
/// </summary>
public sealed class ReferenceOnlyGenerationTests
{
    private const string Registry = "OpenTelemetry semantic conventions";

    /// <summary>A cart service: ten upstream attributes by ref, three upstream metrics by imports.</summary>
    internal const string CartConventions = """
        groups:
          - id: registry.cart
            type: attribute_group
            brief: Cart attributes.
            attributes:
              - id: cart.items
                type: int
                brief: Items in the cart.
          - id: span.cart.checkout
            type: span
            span_kind: server
            brief: A checkout.
            attributes:
              - ref: cart.items
              - ref: user.id
              - ref: server.address
              - ref: server.port
              - ref: error.type
              - ref: client.address
              - ref: url.path
              - ref: http.request.method
              - ref: http.response.status_code
              - ref: network.protocol.name
              - ref: session.id
        imports:
          metrics:
            - http.server.request.duration
            - db.client.operation.*
        """;

    private static readonly Lazy<GeneratorRun> Cart = new(() => GeneratorHarness.RunWithImportedRegistry(
        new[] { new InMemoryAdditionalText("/project/conventions/cart.yaml", CartConventions) },
        UpstreamFiles(),
        Registry));

    [Fact]
    public void Cart_service_compiles_without_diagnostics()
    {
        var problems = Cart.Value.GeneratorDiagnostics.Concat(Cart.Value.CompilationDiagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
    }

    [Fact]
    public void Only_referenced_upstream_attributes_get_constants()
    {
        var constants = Constants(Cart.Value);
        foreach (var name in new[] { "cart.items", "user.id", "server.address", "error.type", "client.address", "http.request.method", "session.id" })
        {
            Assert.Contains(name, constants);
        }
        // Carried by the imported http.server.request.duration metric.
        Assert.Contains("http.route", constants);
        Assert.Contains("db.operation.name", constants);
        // Nothing the project does not use.
        Assert.DoesNotContain("k8s.pod.name", constants);
        Assert.DoesNotContain("user.email", constants);
        Assert.DoesNotContain("gen_ai.request.model", constants);
        Assert.InRange(constants.Count, 12, 60);
    }

    [Fact]
    public void Imported_metrics_get_wrappers_and_unreferenced_ones_do_not()
    {
        var hints = Cart.Value.HintNames.ToList();
        Assert.Contains(hints, h => h.StartsWith("Metrics.HttpServerRequestDuration", StringComparison.Ordinal));
        Assert.Contains(hints, h => h.StartsWith("Metrics.DbClientOperationDuration", StringComparison.Ordinal));
        Assert.DoesNotContain(hints, h => h.StartsWith("Metrics.HttpClientRequestDuration", StringComparison.Ordinal));
        Assert.DoesNotContain(hints, h => h.StartsWith("Spans.Http", StringComparison.Ordinal));
        Assert.Contains(hints, h => h.StartsWith("Spans.CartCheckout", StringComparison.Ordinal));
        // About 800 files when the registry is generated whole.
        Assert.InRange(hints.Count, 3, 40);
    }

    [Fact]
    public void Generated_code_stays_small()
    {
        var lines = Cart.Value.Result.Results.Single().GeneratedSources.Sum(s => s.SourceText.Lines.Count);
        Assert.True(lines <= 3000, $"{lines} generated lines");
    }

    [Fact]
    public void Extends_and_ref_group_bring_the_attributes_of_an_imported_group_but_not_its_signals()
    {
        var run = RunWithVendor("""
                    groups:
                      - id: span.own.call
                        type: span
                        span_kind: client
                        brief: A call.
                        extends: vendor.common
                        attributes:
                          - ref_group: vendor.extra
                    """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationDiagnostics);
        var constants = Constants(run);
        Assert.Equal(new[] { "vendor.extra.flag", "vendor.host", "vendor.port" }, constants.OrderBy(c => c, StringComparer.Ordinal));
        Assert.DoesNotContain(run.HintNames, h => h.Contains("VendorRequest", StringComparison.Ordinal));
        Assert.Contains(run.HintNames, h => h.StartsWith("Spans.OwnCall", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_all_generates_an_imported_registry_in_full()
    {
        var run = RunWithVendor("", "all");

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(new[] { "vendor.extra.flag", "vendor.host", "vendor.port", "vendor.secret" }, Constants(run).OrderBy(c => c, StringComparer.Ordinal));
        Assert.Contains(run.HintNames, h => h.Contains("VendorRequest", StringComparison.Ordinal));
    }

    [Fact]
    public void A_registry_nothing_references_generates_nothing()
    {
        var run = RunWithVendor("");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void An_import_that_matches_nothing_is_reported_at_its_line()
    {
        var run = RunWithVendor("""
                    file_format: definition/2
                    imports:
                      metrics:
                        - vendor.requests
                        - vendor.nothing.*
                    """);

        var diagnostic = Assert.Single(run.ConventionDiagnostics);
        Assert.Equal("TC0010", diagnostic.Id);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("vendor.nothing.*", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(run.HintNames, h => h.StartsWith("Metrics.VendorRequests", StringComparison.Ordinal));
    }

    [Fact]
    public void A_span_that_names_an_imported_event_brings_it_in()
    {
        var run = RunWithVendor("""
                    groups:
                      - id: span.own.call
                        type: span
                        span_kind: client
                        brief: A call.
                        events: [vendor.retry]
                    """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains(run.HintNames, h => h.Contains("VendorRetry", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_ref_says_which_registries_were_searched_and_a_typo_still_gets_its_suggestion()
    {
        var run = RunWithVendor("""
                    groups:
                      - id: span.own.call
                        type: span
                        span_kind: client
                        brief: A call.
                        attributes:
                          - ref: user.id
                          - ref: vendor.prot
                    """);

        var messages = run.ConventionDiagnostics.Where(d => d.Id == "TC0009").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("Attribute 'user.id'", StringComparison.Ordinal) && m.Contains("imported registry 'vendor'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("did you mean 'vendor.port'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_an_imported_registry_an_unknown_ref_says_how_to_bring_the_upstream_registry_in()
    {
        var run = GeneratorHarness.Run("/project/conventions/own.yaml", """
            groups:
              - id: span.own.call
                type: span
                span_kind: client
                brief: A call.
                attributes:
                  - ref: user.id
            """);

        var message = Assert.Single(run.ConventionDiagnostics).GetMessage();
        Assert.Contains("EnableTelemetryConventionsUpstream", message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_upstream_registry_turned_off_an_upstream_name_says_where_it_is_defined_and_how_to_import_it()
    {
        // The names file the package passes when EnableTelemetryConventionsUpstream is false.
        var names = new InMemoryAdditionalText("/package/semconv/TelemetryConventions.Upstream.txt", """
            # The published conventions
            attribute server.address string
            attribute user.id string
            """);
        var own = new InMemoryAdditionalText("/project/conventions/own.yaml", """
            groups:
              - id: span.own.call
                type: span
                span_kind: client
                brief: A call.
                attributes:
                  - ref: user.id
                  - ref: own.thing
                  - ref: server.adress
            """);
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [names.Path] = new Dictionary<string, string>
            {
                ["TelemetryConventionNamesOf"] = "OpenTelemetry semantic conventions 1.44.0",
                ["TelemetryConventionHowToImport"] = "set EnableTelemetryConventionsUpstream to true to import it",
            },
        };

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[] { own, names }, new TestOptionsProvider(null, metadata)), GeneratorHarness.CreateCompilation(""));

        var messages = run.ConventionDiagnostics.Where(d => d.Id == "TC0009").Select(d => d.GetMessage()).ToList();
        Assert.Equal(3, messages.Count);
        // A typo of an upstream name: its "did you mean", and where that name is defined.
        Assert.Contains("Attribute 'server.adress' is not defined in any convention file; did you mean 'server.address'? It is defined by 'OpenTelemetry semantic conventions 1.44.0', which the project's conventions do not bring in: set EnableTelemetryConventionsUpstream to true to import it", messages);
        Assert.Contains("Attribute 'user.id' is not defined in any convention file; it is defined by 'OpenTelemetry semantic conventions 1.44.0', which the project's conventions do not bring in: set EnableTelemetryConventionsUpstream to true to import it, or declare it in the project's conventions", messages);
        // A name the list does not have keeps the general message.
        Assert.Contains(messages, m => m.StartsWith("Attribute 'own.thing'", StringComparison.Ordinal) && !m.Contains("defined by", StringComparison.Ordinal));
        // The names file is not a convention file and not the project's baseline.
        Assert.DoesNotContain(run.ConventionDiagnostics, d => d.Location.GetLineSpan().Path.EndsWith(".txt", StringComparison.Ordinal));
    }

    private const string VendorRegistry = """
        groups:
          - id: vendor.common
            type: attribute_group
            brief: Common vendor attributes.
            attributes:
              - id: vendor.host
                type: string
                brief: Host.
              - id: vendor.port
                type: int
                brief: Port.
          - id: vendor.extra
            type: attribute_group
            brief: Extra vendor attributes.
            attributes:
              - id: vendor.extra.flag
                type: boolean
                brief: A flag.
          - id: vendor.secrets
            type: attribute_group
            brief: Unused vendor attributes.
            attributes:
              - id: vendor.secret
                type: string
                brief: Never referenced.
          - id: span.vendor.request
            type: span
            span_kind: client
            brief: A vendor request.
            extends: vendor.common
          - id: metric.vendor.requests
            type: metric
            metric_name: vendor.requests
            instrument: counter
            unit: "{request}"
            brief: Vendor requests.
            extends: vendor.common
          - id: event.vendor.retry
            type: event
            name: vendor.retry
            brief: A retry.
            attributes:
              - ref: vendor.port
        """;

    private static GeneratorRun RunWithVendor(string ownYaml, string generate = "referenced") =>
        GeneratorHarness.RunWithImportedRegistry(
            ownYaml.Length == 0 ? Array.Empty<AdditionalText>() : new[] { new InMemoryAdditionalText("/project/conventions/own.yaml", ownYaml) },
            new[] { new InMemoryAdditionalText("/vendor/registry.yaml", VendorRegistry) },
            "vendor",
            generate);

    private static IEnumerable<AdditionalText> UpstreamFiles() =>
        TestPaths.UpstreamFiles().Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p)));

    private static List<string> Constants(GeneratorRun run) => run.AttributeConstants.ToList();
}
