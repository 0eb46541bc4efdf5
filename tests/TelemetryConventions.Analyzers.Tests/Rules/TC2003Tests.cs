using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.DynamicAttributeKeyAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC2003Tests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;

        """;

    [Fact]
    public async Task Keys_built_by_interpolation_concatenation_and_format_are_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Delivery
            {
                void Record(Activity activity, Counter<long> counter, string step, int index)
                {
                    activity.SetTag({|#0:$"location.{step}"|}, "warehouse");
                    activity.SetTag({|#1:"location." + step|}, "warehouse");
                    counter.Add(1, new KeyValuePair<string, object?>({|#2:string.Format("slot.{0}", index)|}, 1));
                    var key = string.Concat("location.", step);
                    activity.SetBaggage({|#3:key|}, "x");
                }
            }
            """, null, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("attribute", "string interpolation"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("attribute", "concatenation"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("attribute", "string.Format"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("baggage", "string.Concat"));
    }

    [Fact]
    public async Task Constant_keys_and_keys_from_variables_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Delivery
            {
                private const string Prefix = "delivery";

                void Record(Activity activity, string[] declaredKeys, string step)
                {
                    activity.SetTag($"{Prefix}.step", step);
                    activity.SetTag(Prefix + ".step", step);
                    foreach (var key in declaredKeys)
                    {
                        activity.SetTag(key, 1);
                    }
                    activity.DisplayName = $"deliver {step}";
                }
            }
            """, null, null);
    }
}
