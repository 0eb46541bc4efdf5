using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;
using Xunit;

namespace TelemetryConventions.Tests.Conventions;

/// <summary>How refs, extends, ref_group and refinements combine, in both file formats.</summary>
public sealed class ResolverTests
{
    private const string Registry = """
        file_format: definition/2
        attributes:
          - key: shop.order.id
            type: string
            brief: Order identifier.
            examples: ['o-1']
          - key: shop.order.total
            type: double
            brief: Order total.
          - key: shop.customer.id
            type: string
            brief: Customer pseudonym.
            annotations:
              privacy:
                classification: personal_identifier
          - key: shop.region
            type: string
            brief: Sales region.
            deprecated:
              reason: renamed
              renamed_to: shop.order.id
        attribute_groups:
          - id: shop.common
            visibility: internal
            attributes:
              - ref: shop.order.id
                requirement_level: required
              - ref: shop.customer.id
        """;

    private const string Spans = """
        groups:
          - id: attributes.shop.base
            type: attribute_group
            brief: Base attributes.
            attributes:
              - ref: shop.order.total
                requirement_level: opt_in
                brief: Base brief.
          - id: span.shop.checkout
            type: span
            span_kind: server
            extends: attributes.shop.base
            brief: Checkout.
            events: [event.shop.paid]
            attributes:
              - ref: shop.order.total
                requirement_level:
                  conditionally_required: When the order has lines.
              - ref: shop.order.id
                sampling_relevant: true
          - id: event.shop.paid
            type: event
            name: shop.paid
            brief: Paid.
            attributes:
              - ref: shop.order.total
                requirement_level: required
        """;

    private const string Refinements = """
        file_format: definition/2
        spans:
          - type: shop.lookup
            kind: client
            stability: stable
            brief: Lookup.
            events: [shop.paid]
            attributes:
              - ref_group: shop.common
        span_refinements:
          - id: span.shop.lookup.vip
            ref: shop.lookup
            brief: Lookup of a VIP order.
            attributes:
              - ref: shop.order.id
                requirement_level: opt_in
                note: VIP orders are rare.
              - ref: shop.order.total
        """;

    private static ResolvedRegistry Resolve(params (string Path, string Yaml)[] files) =>
        ConventionResolver.Resolve(files.Select(f => ConventionFileParser.Parse(f.Path, f.Yaml)));

    private static ResolvedGroup Group(ResolvedRegistry registry, string id) => registry.Groups.Single(g => g.Id == id);

    [Fact]
    public void Both_formats_resolve_together_without_diagnostics()
    {
        var registry = Resolve(("registry.yaml", Registry), ("spans.yaml", Spans), ("refinements.yaml", Refinements));
        Assert.Empty(registry.Diagnostics);
        Assert.Equal(4, registry.Attributes.Count);
    }

    [Fact]
    public void A_group_overrides_what_it_extends_and_keeps_unchanged_fields()
    {
        var checkout = Group(Resolve(("registry.yaml", Registry), ("spans.yaml", Spans)), "span.shop.checkout");

        Assert.Equal(new[] { "shop.order.total", "shop.order.id" }, checkout.Attributes.Select(a => a.Name));
        var total = checkout.Attributes[0];
        Assert.Equal(RequirementKind.ConditionallyRequired, total.RequirementLevel.Kind);
        Assert.Equal("When the order has lines.", total.RequirementLevel.Condition);
        Assert.Equal("Base brief.", total.Brief);
        Assert.True(checkout.Attributes[1].SamplingRelevant);
        Assert.Equal(SpanKind.Server, checkout.SpanKind);
        Assert.Equal(new[] { "event.shop.paid" }, checkout.Events);
    }

    [Fact]
    public void Ref_group_brings_in_the_groups_attributes_with_its_overrides()
    {
        var lookup = Group(Resolve(("registry.yaml", Registry), ("spans.yaml", Spans), ("refinements.yaml", Refinements)), "span.shop.lookup");

        Assert.Equal(new[] { "shop.order.id", "shop.customer.id" }, lookup.Attributes.Select(a => a.Name));
        Assert.Equal(RequirementKind.Required, lookup.Attributes[0].RequirementLevel.Kind);
        Assert.Equal(PrivacyTreatment.Pseudonymize, lookup.Attributes[1].Privacy!.Treatment);
        Assert.Equal(SpanKind.Client, lookup.SpanKind);
        Assert.Equal(new[] { "shop.paid" }, lookup.Events);
    }

    [Fact]
    public void A_refinement_starts_from_the_refined_group_and_overrides_it()
    {
        var vip = Group(Resolve(("registry.yaml", Registry), ("refinements.yaml", Refinements)), "span.shop.lookup.vip");

        Assert.Equal(GroupKind.Span, vip.Kind);
        Assert.Equal(SpanKind.Client, vip.SpanKind);
        Assert.Equal(Stability.Stable, vip.Stability);
        Assert.Equal("Lookup of a VIP order.", vip.Brief);
        Assert.Equal(new[] { "shop.order.id", "shop.customer.id", "shop.order.total" }, vip.Attributes.Select(a => a.Name));
        Assert.Equal(RequirementKind.OptIn, vip.Attributes[0].RequirementLevel.Kind);
        Assert.Equal("VIP orders are rare.", vip.Attributes[0].Note);
        Assert.Equal("Order identifier.", vip.Attributes[0].Brief);
    }

    [Fact]
    public void Event_groups_get_their_event_name()
    {
        var paid = Group(Resolve(("registry.yaml", Registry), ("spans.yaml", Spans)), "event.shop.paid");
        Assert.Equal("shop.paid", paid.EventName);
        Assert.Equal(RequirementKind.Required, paid.Attributes.Single().RequirementLevel.Kind);
    }

    [Fact]
    public void Deprecation_forms_are_read()
    {
        var registry = Resolve(("registry.yaml", Registry), ("legacy.yaml", """
            groups:
              - id: registry.legacy
                type: attribute_group
                brief: Legacy.
                attributes:
                  - id: legacy.old
                    type: string
                    brief: Old.
                    deprecated: "Replaced by `shop.order.id`."
                  - id: legacy.gone
                    type: string
                    brief: Gone.
                    deprecated:
                      reason: obsoleted
                      note: No replacement.
            """));
        var attributes = registry.Attributes.ToDictionary(a => a.Name);

        Assert.Equal(new Deprecation(DeprecationReason.Renamed, "shop.order.id", "Replaced by `shop.order.id`."), attributes["legacy.old"].Deprecated);
        Assert.Equal(new Deprecation(DeprecationReason.Obsoleted, null, "No replacement."), attributes["legacy.gone"].Deprecated);
        Assert.Equal(new Deprecation(DeprecationReason.Renamed, "shop.order.id", null), attributes["shop.region"].Deprecated);
    }

    [Theory]
    [InlineData("personal_identifier", null, PrivacyTreatment.Pseudonymize)]
    [InlineData("health", null, PrivacyTreatment.Allow)]
    [InlineData("health", "redact", PrivacyTreatment.Redact)]
    [InlineData("contact", "pseudonymize", PrivacyTreatment.Pseudonymize)]
    public void Privacy_treatment_defaults_by_classification(string classification, string? treatment, PrivacyTreatment expected)
    {
        var file = ConventionFileParser.Parse("p.yaml", $$"""
            file_format: definition/2
            attributes:
              - key: person.value
                type: string
                brief: A value.
                annotations:
                  privacy:
                    classification: {{classification}}
            {{(treatment is null ? "" : $"        treatment: {treatment}")}}
            """);

        Assert.Empty(file.Diagnostics);
        Assert.Equal(expected, file.Attributes.Single().Privacy!.Treatment);
    }

    [Fact]
    public void Empty_and_comment_only_files_declare_nothing_and_report_nothing()
    {
        Assert.Empty(ConventionFileParser.Parse("empty.yaml", "").Diagnostics);
        Assert.Empty(ConventionFileParser.Parse("comment.yaml", "# nothing yet\n").Diagnostics);
    }

    [Fact]
    public void Anchors_and_aliases_are_resolved()
    {
        var file = ConventionFileParser.Parse("anchors.yaml", """
            file_format: definition/2
            attributes:
              - key: a.first
                type: string
                brief: &shared "Shared brief."
              - key: a.second
                type: string
                brief: *shared
            """);
        Assert.Empty(file.Diagnostics);
        Assert.All(file.Attributes, a => Assert.Equal("Shared brief.", a.Brief));
    }

    [Fact]
    public void Int_enum_values_are_kept_as_numbers()
    {
        var file = ConventionFileParser.Parse("enum.yaml", """
            file_format: definition/2
            attributes:
              - key: a.level
                brief: Level.
                type:
                  members:
                    - id: low
                      value: 1
                    - id: high
                      value: 2
            """);
        var type = file.Attributes.Single().Type;
        Assert.Equal(PrimitiveType.Int, type.Primitive);
        Assert.Equal(new long?[] { 1, 2 }, type.Members.Select(m => m.IntValue));
    }
}
