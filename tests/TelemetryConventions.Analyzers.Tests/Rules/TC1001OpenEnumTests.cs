using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 at a generated parameter of an open enum: a <c>Custom(…)</c> value goes on the wire as the
/// text it was given, whether it is handed over as it is made or kept in a local or a field first.
/// </summary>
public class TC1001OpenEnumTests
{
    private const string Conventions = """
        groups:
          - id: registry.arena
            type: attribute_group
            brief: Arena attributes.
            attributes:
              - id: arena.report.category
                type:
                  members:
                    - id: cheating
                      value: cheating
                      brief: Cheating.
                    - id: abuse
                      value: abuse
                      brief: Abuse.
                brief: What a report is about.
          - id: span.arena.report
            type: span
            span_kind: internal
            brief: A player's report.
            attributes:
              - ref: arena.report.category
                requirement_level: required
        """;

    [Fact]
    public async Task A_custom_value_made_from_an_identifier_is_reported_where_it_is_sent()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;
            using Contoso.Telemetry;

            class Reports
            {
                private static readonly ActivitySource Source = new("Arena");

                void File(string category, string reportedGamertag, bool known)
                {
                    var custom = known ? ArenaReportCategory.Abuse : ArenaReportCategoryValue.Custom($"other:{reportedGamertag}");
                    using var span = Source.StartArenaReport({|TC1001:custom|});
                    using var inline = Source.StartArenaReport(ArenaReportCategoryValue.Custom({|TC1001:reportedGamertag|}));
                    var plain = known ? ArenaReportCategory.Cheating : ArenaReportCategoryValue.Custom("other");
                    using var clean = Source.StartArenaReport(plain);
                }
            }
            """, Conventions, null);
    }
}
