using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>Entity groups, v1 and v2, as generated resource helpers.</summary>
public sealed class ResourceGenerationTests
{
    [Fact]
    public void A_v2_entity_takes_its_identity_list_as_parameters_and_its_description_list_as_options()
    {
        var run = GeneratorHarness.Run("conventions/entities.yaml", """
            file_format: definition/2
            attributes:
              - key: plant.id
                type: string
                brief: Plant identifier.
                stability: development
              - key: plant.line
                type: int
                brief: Production line.
                stability: development
              - key: plant.vendor
                type: string
                brief: Vendor.
                stability: development
            entities:
              - type: plant
                brief: A production plant.
                stability: development
                identity:
                  - ref: plant.id
                  - ref: plant.line
                description:
                  - ref: plant.vendor
            """);

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        var source = run.Source("Resources.Plant.g.cs");
        Assert.Contains("Plant(string plantId, long plantLine, string? plantVendor = null)", source);
    }

    [Fact]
    public void An_imported_entity_is_generated_only_when_the_project_imports_it()
    {
        var upstream = new InMemoryAdditionalText("/semconv/model/service/entities.yaml", """
            groups:
              - id: registry.service
                type: attribute_group
                brief: Service attributes.
                attributes:
                  - id: service.name
                    type: string
                    brief: Logical name of the service.
                    stability: stable
                  - id: service.version
                    type: string
                    brief: Version of the service.
                    stability: stable
              - id: entity.service
                type: entity
                name: service
                brief: A service.
                stability: stable
                attributes:
                  - ref: service.name
                    role: identifying
                  - ref: service.version
                    role: descriptive
              - id: entity.other
                type: entity
                name: other
                brief: Another entity.
                stability: stable
                attributes:
                  - ref: service.version
                    role: identifying
            """);
        var own = new InMemoryAdditionalText("conventions/service.yaml", """
            file_format: definition/2
            imports:
              entities:
                - service
            """);

        var run = GeneratorHarness.RunWithImportedRegistry(new[] { own }, new[] { upstream }, "OpenTelemetry semantic conventions");

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("Service(string serviceName, string? serviceVersion = null)", run.Source("Resources.Service.g.cs"));
        Assert.DoesNotContain("Resources.Other.g.cs", run.HintNames);
    }
}
