using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 at the tags a <c>[TagProvider]</c> method or a log enricher adds: each is written into the
/// log record, unless it is added with its data classification, which the redactor rewrites.
/// </summary>
public class TC1001LogTagCollectorTests
{
    private const string Telemetry = """
        using System;
        using System.Collections.Generic;

        namespace Microsoft.Extensions.Compliance.Classification
        {
            public sealed class DataClassificationSet { }
        }

        namespace Microsoft.Extensions.Logging
        {
            public interface ITagCollector
            {
                void Add(string tagName, object? tagValue);
                void Add(string tagName, object? tagValue, Microsoft.Extensions.Compliance.Classification.DataClassificationSet classifications);
            }
        }

        namespace Microsoft.Extensions.Diagnostics.Enrichment
        {
            public interface IEnrichmentTagCollector
            {
                void Add(string tagName, object tagValue);
                void Add(string tagName, string tagValue);
            }

            public interface ILogEnricher
            {
                void Enrich(IEnrichmentTagCollector collector);
            }
        }

        """;

    [Fact]
    public async Task A_tag_provider_and_a_log_enricher_write_what_they_add_unless_it_is_classified()
    {
        await VerifyCS.AnalyzerAsync(Telemetry + """
            namespace School
            {
                using Microsoft.Extensions.Compliance.Classification;
                using Microsoft.Extensions.Diagnostics.Enrichment;
                using Microsoft.Extensions.Logging;

                public sealed record Student(string StudentNumber, string GuardianEmail, int YearGroup);

                public static class StudentTags
                {
                    public static void AddContact(ITagCollector collector, Student student)
                    {
                        collector.Add("student.year_group", student.YearGroup);
                        collector.Add("guardian.email", {|TC1001:student.GuardianEmail|});
                        collector.Add("student.number", student.StudentNumber, new DataClassificationSet());
                    }
                }

                public sealed class CardHolder { public string? LoyaltyCard { get; set; } public string? Tier { get; set; } }

                public sealed class LoyaltyEnricher(CardHolder holder) : ILogEnricher
                {
                    public void Enrich(IEnrichmentTagCollector collector)
                    {
                        collector.Add("loyalty.tier", holder.Tier ?? "none");
                        collector.Add("loyalty.card", {|TC1001:holder.LoyaltyCard|} ?? "");
                    }
                }
            }
            """);
    }
}
