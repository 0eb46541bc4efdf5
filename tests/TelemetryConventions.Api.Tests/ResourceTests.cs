using OpenTelemetry.Resources;

namespace TelemetryConventions.Api.Tests;

/// <summary>Entities as resource attributes, through OpenTelemetry's resource builder.</summary>
public sealed class ResourceTests
{
    [Fact]
    public void Identifying_attributes_are_required_and_descriptive_ones_added_when_given()
    {
        var resource = ResourceBuilder.CreateEmpty()
            .AddAttributes(TelemetryResources.ClinicSite("north", ClinicSiteKind.Hospital, clinicSiteBeds: 40))
            .Build();

        Assert.Equal(new Dictionary<string, object>
        {
            ["clinic.site.name"] = "north",
            ["clinic.site.kind"] = "hospital",
            ["clinic.site.beds"] = 40L,
        }, resource.Attributes.ToDictionary(a => a.Key, a => a.Value));
    }

    [Fact]
    public void An_optional_attribute_left_out_is_not_added()
    {
        var attributes = TelemetryResources.ClinicSite("south", ClinicSiteKindValue.Custom("mobile unit"));

        Assert.Equal(new[] { "clinic.site.name", "clinic.site.kind" }, attributes.Select(a => a.Key));
        Assert.Equal("mobile unit", attributes[1].Value);
    }

    [Fact]
    public void A_missing_identifying_attribute_fails_at_once()
    {
        Assert.Throws<ArgumentNullException>(() => TelemetryResources.ClinicSite(null!, ClinicSiteKind.Practice));
        Assert.Throws<ArgumentException>(() => TelemetryResources.ClinicSite("east", default));
    }

    [Fact]
    public void The_identifying_attributes_come_first_in_the_signature()
    {
        var parameters = typeof(TelemetryResources).GetMethod(nameof(TelemetryResources.ClinicSite))!.GetParameters();

        Assert.Equal(new[] { "clinicSiteName", "clinicSiteKind", "clinicSiteBeds" }, parameters.Select(p => p.Name));
        Assert.False(parameters[0].IsOptional);
        Assert.False(parameters[1].IsOptional);
        Assert.True(parameters[2].IsOptional);
    }
}
