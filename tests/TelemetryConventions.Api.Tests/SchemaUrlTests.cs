using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TelemetryConventions.Api.Tests;

/// <summary>The conventions' schema URL on the sources and meters that the generated helpers create.</summary>
public sealed class SchemaUrlTests
{
    [Fact]
    public void The_schema_url_comes_from_the_registry_manifest()
    {
        Assert.Equal("https://clinic.example/schemas/1.2.0", TelemetrySchema.Url);
    }

    [Fact]
    public void Spans_of_a_created_source_carry_the_schema_url()
    {
        var name = "clinic.schema." + Guid.NewGuid().ToString("N");
        var exported = new List<Activity>();
        using var source = TelemetrySchema.CreateActivitySource(name, "2.0.0");
        using (Sdk.CreateTracerProviderBuilder().AddSource(name).AddInMemoryExporter(exported).Build())
        {
            using (source.StartClinicVisit(TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-5"), "cardiology", ClinicVisitKind.Outpatient))
            {
            }
        }

        Assert.Equal("2.0.0", source.Version);
        var activity = Assert.Single(exported);
        Assert.Equal(TelemetrySchema.Url, activity.Source.TelemetrySchemaUrl);
    }

    [Fact]
    public void Instruments_of_a_created_meter_carry_the_schema_url()
    {
        var name = "clinic.schema." + Guid.NewGuid().ToString("N");
        var exported = new List<Metric>();
        using var meter = TelemetrySchema.CreateMeter(name, "2.0.0");
        using (var provider = Sdk.CreateMeterProviderBuilder().AddMeter(name).AddInMemoryExporter(exported).Build())
        {
            meter.CreateClinicVisitsCounter().Add(1, "cardiology", ClinicVisitKind.Outpatient);
            provider.ForceFlush();
        }

        Assert.Equal(TelemetrySchema.Url, meter.TelemetrySchemaUrl);
        Assert.Equal("2.0.0", meter.Version);
        Assert.Contains(exported, m => m.Name == "clinic.visits" && m.MeterName == name);
    }

    [Fact]
    public void Meter_options_for_a_meter_factory_carry_the_schema_url()
    {
        var options = TelemetrySchema.CreateMeterOptions("clinic.factory", "3.0.0");

        Assert.Equal("clinic.factory", options.Name);
        Assert.Equal("3.0.0", options.Version);
        Assert.Equal(TelemetrySchema.Url, options.TelemetrySchemaUrl);
    }
}
