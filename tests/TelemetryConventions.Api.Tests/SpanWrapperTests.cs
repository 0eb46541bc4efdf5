using OpenTelemetry.Trace;

namespace TelemetryConventions.Api.Tests;

public sealed class SpanWrapperTests
{
    [Fact]
    public void Start_emits_the_declared_name_kind_and_typed_required_attributes()
    {
        using var telemetry = new TestTelemetry();
        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-0042");

        using (telemetry.Source.StartClinicVisit(patient, "cardiology", ClinicVisitKind.Emergency))
        {
        }

        var activity = Assert.Single(telemetry.Activities);
        Assert.Equal("clinic.visit", activity.DisplayName);
        Assert.Equal(ActivityKind.Server, activity.Kind);
        var tags = activity.TagObjects.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(new[] { "clinic.department", "clinic.patient.id", "clinic.visit.kind" }, tags.Keys.Order());
        Assert.Equal("cardiology", tags["clinic.department"]);
        Assert.Equal("emergency", tags["clinic.visit.kind"]);
        var pseudonym = Assert.IsType<string>(tags["clinic.patient.id"]);
        Assert.True(PseudonymFormat.IsPseudonym(pseudonym), pseudonym);
        Assert.DoesNotContain("0042", pseudonym);
        Assert.Equal(TestTelemetry.Pseudonymizer.Compute(ClinicAttributes.PatientId, "MRN-0042"), pseudonym);
    }

    [Fact]
    public void Setters_and_events_emit_values_with_their_declared_types()
    {
        using var telemetry = new TestTelemetry();
        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-1");

        using (var visit = telemetry.Source.StartClinicVisit(patient, "oncology", ClinicVisitKind.Outpatient, spanName: "visit oncology"))
        {
            visit.SetClinicPriority(ClinicPriority.High)
                .SetClinicRoom(12)
                .SetClinicUrgent(true)
                .SetClinicCodes(new[] { "A1", "B2" })
                .SetClinicHeader("x-request-id", "abc")
                .AddClinicVitalsRecordedEvent(38.2, clinicUrgent: true)
                .AddClinicVitalsRecordedEvent(36.9);
        }

        var activity = Assert.Single(telemetry.Activities);
        Assert.Equal("visit oncology", activity.DisplayName);
        var tags = activity.TagObjects.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(3L, tags["clinic.priority"]);
        Assert.Equal(12L, tags["clinic.room"]);
        Assert.Equal(true, tags["clinic.urgent"]);
        Assert.Equal(new[] { "A1", "B2" }, tags["clinic.codes"]);
        Assert.Equal("abc", tags["clinic.header.x-request-id"]);

        var events = activity.Events.ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("clinic.vitals_recorded", e.Name));
        Assert.Equal(new Dictionary<string, object?> { ["clinic.temperature"] = 38.2, ["clinic.urgent"] = true }, events[0].Tags.ToDictionary(t => t.Key, t => t.Value));
        Assert.Equal(new Dictionary<string, object?> { ["clinic.temperature"] = 36.9 }, events[1].Tags.ToDictionary(t => t.Key, t => t.Value));
    }

    [Fact]
    public void Samplers_see_sampling_relevant_attributes_but_never_a_pseudonym()
    {
        var sampler = new RecordingSampler();
        using var telemetry = new TestTelemetry(sampler);
        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-2");

        using (telemetry.Source.StartClinicVisit(patient, "cardiology", ClinicVisitKind.Outpatient))
        {
        }

        var seen = Assert.Single(sampler.SeenTags);
        Assert.Equal(new[] { "clinic.department" }, seen.Keys);
        Assert.Equal("cardiology", seen["clinic.department"]);
    }

    [Fact]
    public void An_unsampled_span_records_nothing_and_returns_a_wrapper_that_ignores_calls()
    {
        using var telemetry = new TestTelemetry(new AlwaysOffSampler());
        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-3");

        var visit = telemetry.Source.StartClinicVisit(patient, "cardiology", ClinicVisitKind.Outpatient);
        visit.SetClinicRoom(1).AddClinicVitalsRecordedEvent(37).RecordException(new InvalidOperationException()).Dispose();

        // The SDK keeps a propagation-only activity for a dropped span. .NET attaches the tags the
        // sampler saw; the wrapper sees that the span does not record and adds nothing more.
        Assert.False(visit.IsRecording);
        var tags = visit.Activity?.TagObjects.Select(t => t.Key) ?? Enumerable.Empty<string>();
        Assert.Equal(new[] { "clinic.department" }, tags);
        Assert.Empty(visit.Activity?.Events ?? Enumerable.Empty<ActivityEvent>());
        Assert.Empty(telemetry.Activities);
    }

    [Fact]
    public void RecordException_marks_the_span_failed_and_leaves_the_message_out_by_default()
    {
        using var telemetry = new TestTelemetry();
        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-4");

        using (var visit = telemetry.Source.StartClinicVisit(patient, "cardiology", ClinicVisitKind.Outpatient))
        {
            visit.RecordException(Thrown(new InvalidOperationException("patient MRN-4 not found")));
        }

        var activity = Assert.Single(telemetry.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.InvalidOperationException", activity.GetTagItem("error.type"));
        var exception = Assert.Single(activity.Events);
        Assert.Equal("exception", exception.Name);
        var tags = exception.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("System.InvalidOperationException", tags["exception.type"]);
        Assert.Contains("Thrown", (string)tags["exception.stacktrace"]!);
        Assert.False(tags.ContainsKey("exception.message"));
        Assert.DoesNotContain(activity.TagObjects, t => t.Value is string s && s.Contains("MRN-4"));
    }

    [Fact]
    public void A_redacted_attribute_has_no_setter_and_a_deprecated_one_is_obsolete()
    {
        var members = typeof(ClinicVisitSpan).GetMethods().Select(m => m.Name).ToList();
        Assert.Contains("SetClinicRoom", members);
        Assert.DoesNotContain(members, m => m.Contains("Diagnosis", StringComparison.Ordinal));
        Assert.Equal("clinic.diagnosis", ClinicAttributes.Diagnosis);

        var deprecated = typeof(ClinicVisitSpan).GetMethod("SetClinicOldDepartment")!;
        var obsolete = Assert.Single(deprecated.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>());
        Assert.Contains("clinic.department", obsolete.Message);
    }

    [Fact]
    public void A_wrapper_around_an_existing_activity_sets_attributes_on_it()
    {
        using var telemetry = new TestTelemetry();
        using (var activity = telemetry.Source.StartActivity("framework span"))
        {
            new ClinicVisitSpan(activity).SetClinicRoom(7);
        }
        Assert.Equal(7L, Assert.Single(telemetry.Activities).GetTagItem("clinic.room"));
    }

    [Fact]
    public void A_default_pseudonym_never_throws_on_the_telemetry_path_and_is_reported_by_the_live_check()
    {
        using var telemetry = new TestTelemetry();

        using (telemetry.Source.StartClinicVisit(default, "cardiology", ClinicVisitKind.Outpatient))
        {
        }

        var activity = Assert.Single(telemetry.Activities);
        Assert.Null(activity.GetTagItem("clinic.patient.id"));
        var violations = new TelemetryConventions.Conformance.ConformanceChecker(TelemetryCatalog.Conventions).CheckActivities(telemetry.Activities);
        Assert.Contains(violations, v => v.Attribute == "clinic.patient.id");
    }

    [Fact]
    public void String_enums_are_open_members_convert_implicitly_and_custom_values_are_sent_as_given()
    {
        using var telemetry = new TestTelemetry();
        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-5");

        using (telemetry.Source.StartClinicVisit(patient, "cardiology", ClinicVisitKindValue.Custom("telehealth")))
        {
        }
        ClinicVisitKindValue member = ClinicVisitKind.Emergency;

        Assert.Equal("telehealth", Assert.Single(telemetry.Activities).GetTagItem("clinic.visit.kind"));
        Assert.Equal("emergency", member.WireValue);
        Assert.Equal(member, ClinicVisitKindValue.Custom("emergency"));
        Assert.Null(default(ClinicVisitKindValue).WireValue);
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private sealed class RecordingSampler : Sampler
    {
        public List<Dictionary<string, object?>> SeenTags { get; } = new();

        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        {
            SeenTags.Add((samplingParameters.Tags ?? Enumerable.Empty<KeyValuePair<string, object?>>()).ToDictionary(t => t.Key, t => t.Value));
            return new SamplingResult(SamplingDecision.RecordAndSample);
        }
    }
}
