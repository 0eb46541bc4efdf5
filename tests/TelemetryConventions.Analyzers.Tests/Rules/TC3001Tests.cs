using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.SpanNeverEndedAnalyzer,
    TelemetryConventions.CodeFixes.EndSpanWithUsingCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC3001Tests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Contoso.Telemetry;
        using TelemetryConventions;

        """;

    [Fact]
    public async Task A_discarded_span_is_reported_and_declared_with_using()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Clinic
            {
                void Visit(ActivitySource source, Pseudonym patient)
                {
                    // Admission starts here.
                    {|#0:source.StartPatientVisit(patient)|}; // the visit
                    Admit();
                }

                void Admit()
                {
                }
            }
            """, Usings + """
            class Clinic
            {
                void Visit(ActivitySource source, Pseudonym patient)
                {
                    // Admission starts here.
                    using var span = source.StartPatientVisit(patient); // the visit
                    Admit();
                }

                void Admit()
                {
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("StartPatientVisit"));
    }

    [Fact]
    public async Task A_discarded_chain_of_setters_and_an_explicit_discard_are_fixed_with_names_that_do_not_clash()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Clinic
            {
                void Visit(ActivitySource source, Pseudonym patient, string span)
                {
                    {|#0:source.StartPatientVisit(patient)|}
                        .SetPatientAge(42)
                        .SetStatus(ActivityStatusCode.Ok);
                    _ = {|#1:source.StartPatientVisit(patient, spanName: "triage")|};
                    foreach (var span2 in new[] { span })
                    {
                    }
                }
            }
            """, Usings + """
            class Clinic
            {
                void Visit(ActivitySource source, Pseudonym patient, string span)
                {
                    using var span3 = source.StartPatientVisit(patient)
                        .SetPatientAge(42)
                        .SetStatus(ActivityStatusCode.Ok);
                    using var span4 = source.StartPatientVisit(patient, spanName: "triage");
                    foreach (var span2 in new[] { span })
                    {
                    }
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("StartPatientVisit"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("StartPatientVisit"));
    }

    [Fact]
    public async Task No_fix_is_offered_where_a_using_declaration_may_not_stand()
    {
        const string Source = """
            class Clinic
            {
                void Visit(ActivitySource source, Pseudonym patient, int kind)
                {
                    if (kind > 0)
                        {|#0:source.StartPatientVisit(patient)|};
                    switch (kind)
                    {
                        case 1:
                            {|#1:source.StartPatientVisit(patient)|};
                            break;
                    }
                    {|#2:source.StartPatientVisit(patient)|};
                    goto done;
                done:
                    return;
                }
            }
            """;
        await VerifyCS.CodeFixAsync(Usings + Source, Usings + Source,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("StartPatientVisit"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("StartPatientVisit"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("StartPatientVisit"));
    }

    [Fact]
    public async Task A_local_that_is_only_configured_is_reported_without_a_fix()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Clinic
            {
                void Visit(ActivitySource source, Pseudonym patient, bool urgent)
                {
                    var visit = {|#0:source.StartPatientVisit(patient)|};
                    if (visit.IsRecording)
                    {
                        visit = visit.SetPatientAge(42);
                    }
                    visit.RecordException(new InvalidOperationException());
                }

                void Unused(ActivitySource source, Pseudonym patient)
                {
                    PatientVisitSpan visit;
                    visit = {|#1:source.StartPatientVisit(patient)|};
                }

                bool Probe(ActivitySource source, Pseudonym patient) => {|#2:source.StartPatientVisit(patient)|}.IsRecording;

                void InLambda(ActivitySource source, Pseudonym patient)
                {
                    Action start = () => {|#3:source.StartPatientVisit(patient)|};
                    start();
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("StartPatientVisit"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("StartPatientVisit"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("StartPatientVisit"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("StartPatientVisit"));
    }

    [Fact]
    public async Task Spans_that_are_disposed_or_handed_on_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Clinic
            {
                private PatientVisitSpan _current;
                private readonly List<PatientVisitSpan> _open = new();

                void Using(ActivitySource source, Pseudonym patient)
                {
                    using var a = source.StartPatientVisit(patient).SetPatientAge(1);
                    using (source.StartPatientVisit(patient))
                    {
                    }
                    using (var b = source.StartPatientVisit(patient))
                    {
                        b.SetPatientAge(2);
                    }
                    PatientVisitSpan c;
                    using (c = source.StartPatientVisit(patient))
                    {
                    }
                    using IDisposable d = source.StartPatientVisit(patient);
                    using var e = source?.StartPatientVisit(patient);
                }

                void Explicit(ActivitySource source, Pseudonym patient)
                {
                    var a = source.StartPatientVisit(patient);
                    try
                    {
                        a.SetPatientAge(3);
                    }
                    finally
                    {
                        a.Dispose();
                    }
                    var b = source.StartPatientVisit(patient);
                    b.SetPatientAge(4).RecordException(new InvalidOperationException()).Dispose();
                    source.StartPatientVisit(patient).SetPatientAge(5).Dispose();
                    var c = source?.StartPatientVisit(patient);
                    c?.Dispose();
                    var d = source.StartPatientVisit(patient);
                    ((IDisposable)d).Dispose();
                    var e = source.StartPatientVisit(patient);
                    Task.Run(() => e.Dispose());
                    var f = source.StartPatientVisit(patient);
                    using (f)
                    {
                    }
                    PatientVisitSpan g = default;
                    try
                    {
                        g = source.StartPatientVisit(patient);
                    }
                    finally
                    {
                        g.Dispose();
                    }
                }

                PatientVisitSpan Returned(ActivitySource source, Pseudonym patient) => source.StartPatientVisit(patient).SetPatientAge(6);

                void HandedOn(ActivitySource source, Pseudonym patient, Action<PatientVisitSpan> end)
                {
                    _current = source.StartPatientVisit(patient);
                    _open.Add(source.StartPatientVisit(patient));
                    end(source.StartPatientVisit(patient));
                    var a = source.StartPatientVisit(patient);
                    end(a);
                    var b = source.StartPatientVisit(patient);
                    _current = b;
                    var c = source.StartPatientVisit(patient);
                    c.Activity?.Stop();
                    var d = source.StartPatientVisit(patient);
                    var copy = d;
                    copy.Dispose();
                    var tuple = (source.StartPatientVisit(patient), 1);
                    end(tuple.Item1);
                }
            }
            """);
    }

    [Fact]
    public async Task Only_the_generated_shape_counts_and_it_is_recognised_in_any_source()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Handwritten
            {
                public readonly struct AuditSpan : IDisposable
                {
                    public void Dispose()
                    {
                    }
                }

                public readonly struct NotDisposable
                {
                }

                public sealed class ClassSpan : IDisposable
                {
                    public void Dispose()
                    {
                    }
                }

                public static class TelemetrySpans
                {
                    public static AuditSpan StartAudit(this ActivitySource source) => default;
                    public static NotDisposable StartPlain(this ActivitySource source) => default;
                    public static ClassSpan StartClass(this ActivitySource source) => new();
                    public static AuditSpan BeginAudit(this ActivitySource source) => default;
                }

                public static class OtherSpans
                {
                    public static AuditSpan StartAudit(ActivitySource source) => default;
                }

                class Uses
                {
                    void M(ActivitySource source)
                    {
                        {|#0:source.StartAudit()|};
                        source.StartPlain();
                        source.StartClass();
                        source.BeginAudit();
                        OtherSpans.StartAudit(source);
                        source.StartActivity("raw");
                    }
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("StartAudit"));
    }

    [Fact]
    public async Task Top_level_statements_are_fixed_in_place()
    {
        await VerifyCS.ProgramAsync(Usings + """
            var source = new ActivitySource("clinic");
            {|#0:source.StartPatientVisit(default)|};
            Console.WriteLine("admitted");
            """, Usings + """
            var source = new ActivitySource("clinic");
            using var span = source.StartPatientVisit(default);
            Console.WriteLine("admitted");
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("StartPatientVisit"));
    }

    [Fact]
    public async Task A_type_marked_by_the_generator_is_recognised_whatever_its_name()
    {
        // [GeneratedCode("TelemetryConventions", …)] is what identifies the generated API; the name
        // TelemetrySpans is only the fallback for code written by hand without it.
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Handwritten
            {
                public readonly struct AuditSpan : IDisposable
                {
                    public void Dispose()
                    {
                    }
                }

                [System.CodeDom.Compiler.GeneratedCode("TelemetryConventions", "1.0.0.0")]
                public static class AuditTracing
                {
                    public static AuditSpan StartAudit(this ActivitySource source) => default;
                }

                [System.CodeDom.Compiler.GeneratedCode("SomeOtherTool", "1.0.0.0")]
                public static class OtherTracing
                {
                    public static AuditSpan StartOther(this ActivitySource source) => default;
                }

                class Uses
                {
                    void M(ActivitySource source)
                    {
                        {|#0:source.StartAudit()|};
                        source.StartOther();
                    }
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("StartAudit"));
    }
}
