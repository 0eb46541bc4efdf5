using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.AttributeTypeMismatchAnalyzer,
    TelemetryConventions.CodeFixes.UseWireValueCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC2004Tests
{
    [Fact]
    public async Task Values_of_another_type_are_reported()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;

            enum DeliveryStep { Picked, Delivered }

            class Visit
            {
                void Record(Activity activity, string temperature, double age, int step, DeliveryStep typed, string[] names)
                {
                    activity.SetTag("vital.temperature", {|#0:temperature|});
                    activity.SetTag("vital.temperature", {|#1:"230"|});
                    activity.SetTag("patient.age", {|#2:age|});
                    activity.SetTag("visit.completed", {|#3:"true"|});
                    activity.SetTag("delivery.step", {|#4:step|});
                    activity.SetTag("delivery.step", {|#5:typed|});
                    activity.SetTag("delivery.step", {|#6:"pickedup"|});
                    activity.SetTag("hospital.department", {|#7:names|});
                    activity.SetTag("http.request.header.accept", {|#8:"text/html"|});
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("vital.temperature", "'double'", "a string"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("vital.temperature", "'double'", "a string"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("patient.age", "'int'", "a double"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("visit.completed", "'boolean'", "a string"),
            VerifyCS.Diagnostic().WithLocation(4).WithArguments("delivery.step", "an enum of string values", "an int"),
            VerifyCS.Diagnostic().WithLocation(5).WithArguments("delivery.step", "an enum of string values", "the C# enum DeliveryStep, sent as its member name; use ToWireValue()"),
            VerifyCS.Diagnostic().WithLocation(6).WithArguments("delivery.step", "an enum of string values", "'pickedup', which is not one of its members (picked, delivered)"),
            VerifyCS.Diagnostic().WithLocation(7).WithArguments("hospital.department", "'string'", "a string[]"),
            VerifyCS.Diagnostic().WithLocation(8).WithArguments("http.request.header.accept", "'template[string[]]'", "a string"));
    }

    [Fact]
    public async Task A_CSharp_enum_is_fixed_to_its_generated_wire_value()
    {
        const string Enum = """
            public enum DeliveryStep { Picked = 1, Delivered = 2 }

            public static class DeliveryStepValues
            {
                public static string ToWireValue(this DeliveryStep value) => value == DeliveryStep.Picked ? "picked" : "delivered";
            }
            """;
        await VerifyCS.CodeFixAsync(Enum + """

            class Visit
            {
                void Record(System.Diagnostics.Activity activity, DeliveryStep step)
                {
                    activity.SetTag("delivery.step", {|#0:step|});
                }
            }
            """, Enum + """

            class Visit
            {
                void Record(System.Diagnostics.Activity activity, DeliveryStep step)
                {
                    activity.SetTag("delivery.step", step.ToWireValue());
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("delivery.step", "an enum of string values", "the C# enum DeliveryStep, sent as its member name; use ToWireValue()"));
    }

    [Fact]
    public async Task Values_of_the_declared_type_or_of_unknown_type_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;
            using TelemetryConventions;

            class Visit
            {
                void Record<T>(Activity activity, double temperature, float approximate, int age, long bigAge, int? maybe, object boxed, T generic, Pseudonym pseudonym)
                {
                    activity.SetTag("vital.temperature", temperature);
                    activity.SetTag("vital.temperature", approximate);
                    activity.SetTag("patient.age", age);
                    activity.SetTag("patient.age", bigAge);
                    activity.SetTag("patient.age", maybe);
                    activity.SetTag("patient.age", boxed);
                    activity.SetTag("patient.age", generic);
                    activity.SetTag("patient.age", null);
                    activity.SetTag("visit.completed", true);
                    activity.SetTag("delivery.step", "picked");
                    activity.SetTag("patient.id", pseudonym);
                    activity.SetTag("http.request.header.accept", new[] { "text/html" });
                    activity.SetTag("undeclared.thing", 1.5);
                }
            }
            """);
    }
}
