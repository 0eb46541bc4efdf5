using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 on a value read back from a shared bag (a request's items) by a constant key: it is what
/// the source stores under that key in the same member, whatever the local reading it is named.
/// </summary>
public class TC1001KeyedBagTests
{
    [Fact]
    public async Task A_value_read_by_a_constant_key_is_what_the_source_stores_under_that_key()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;
            using TelemetryConventions;

            public sealed class RequestContext
            {
                public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
            }

            public sealed class ContextAccessor { public RequestContext? Context { get; set; } }

            public static class PatientKeys
            {
                public static readonly object Number = new();
                public static readonly object Ref = new();
                public const string Ward = "ward";
            }

            public sealed class PatientMiddleware(Pseudonymizer pseudonymizer)
            {
                public void Invoke(RequestContext context, string hospitalNumber, string ward)
                {
                    context.Items[PatientKeys.Number] = hospitalNumber;
                    context.Items[PatientKeys.Ref] = pseudonymizer.Pseudonymize("patient", hospitalNumber).Value;
                    context.Items.Add(PatientKeys.Ward, ward);
                }
            }

            public sealed class PatientLogging(ContextAccessor accessor, ILogger<PatientLogging> logger)
            {
                public void Write()
                {
                    if (accessor.Context?.Items is not { } items)
                    {
                        return;
                    }
                    if (items.TryGetValue(PatientKeys.Ref, out var reference) && reference is string patientRef)
                    {
                        logger.LogInformation("Patient {PatientRef}", patientRef);
                    }
                    if (items.TryGetValue(PatientKeys.Number, out var stored) && stored is string value)
                    {
                        logger.LogInformation("Patient {Value}", {|TC1001:value|});
                    }
                    logger.LogInformation("Patient {Value}", {|TC1001:accessor.Context.Items[PatientKeys.Number]|});
                    logger.LogInformation("Ward {Ward}", items[PatientKeys.Ward]);
                }
            }
            """);
    }
    [Fact]
    public async Task An_entry_of_a_dictionary_the_method_fills_is_what_it_put_under_that_key_whatever_the_key_says()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;
            using TelemetryConventions;

            public sealed class TrackEvent { public string UserId { get; set; } = ""; public string Name { get; set; } = ""; public Dictionary<string, object?> Properties { get; } = new(); }

            public sealed class Forwarder(Pseudonymizer pseudonymizer, ILogger<Forwarder> logger)
            {
                public void Forward(TrackEvent e)
                {
                    var row = new Dictionary<string, object?>(e.Properties) { ["customer"] = pseudonymizer.Pseudonymize("customer", e.UserId), ["event"] = e.Name };
                    row["contact"] = e.UserId;
                    logger.LogDebug("Forwarded {Event} for {Customer}", row["event"], row["customer"]);
                    logger.LogDebug("Contact {Contact}", {|TC1001:row["contact"]|});
                    logger.LogDebug("Customer {Customer}", {|TC1001:e.Properties["customer"]|});

                    var reassigned = new Dictionary<string, string> { ["customer"] = "anonymous" };
                    reassigned = Copy(e.Properties);
                    logger.LogDebug("Customer {Customer}", {|TC1001:reassigned["customer"]|});
                }

                private static Dictionary<string, string> Copy(Dictionary<string, object?> bag) => new();
            }
            """);
    }
}
