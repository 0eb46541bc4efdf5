using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC1001Tests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using Microsoft.Extensions.Logging;
        using TelemetryConventions;

        """;

    /// <summary>The fixes call the generated identifier-space helpers, so they import the generated namespace.</summary>
    private static readonly string FixedUsings = Usings.Replace("using TelemetryConventions;\n", "using TelemetryConventions;\nusing Contoso.Telemetry;\n\n", StringComparison.Ordinal);

    [Fact]
    public async Task Raw_patient_id_in_SetTag_is_reported_and_wrapped()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Visit
            {
                private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromEnvironment();

                void Record(Activity activity, string patientId)
                {
                    activity.SetTag("patient.id", {|#0:patientId|});
                }
            }
            """, FixedUsings + """
            class Visit
            {
                private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromEnvironment();

                void Record(Activity activity, string patientId)
                {
                    activity.SetTag("patient.id", _pseudonymizer.PseudonymizePatientId(patientId));
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("patientId", "span attribute 'patient.id'", " without pseudonymisation"));
    }

    [Fact]
    public async Task Tags_gathered_in_a_local_are_reported_where_they_are_sent_and_wrapped_where_they_were_added()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Visit
            {
                void Record(ILogger logger, Pseudonymizer pseudonymizer, string ward, string studentNumber)
                {
                    var state = new Dictionary<string, object?> { ["ward"] = ward, ["student"] = {|#1:studentNumber|} };
                    using (logger.BeginScope({|#0:state|}))
                    {
                        logger.LogInformation("Enrolled");
                    }
                }
            }
            """, Usings + """
            class Visit
            {
                void Record(ILogger logger, Pseudonymizer pseudonymizer, string ward, string studentNumber)
                {
                    var state = new Dictionary<string, object?> { ["ward"] = ward, ["student"] = pseudonymizer.Pseudonymize("student", studentNumber) };
                    using (logger.BeginScope(state))
                    {
                        logger.LogInformation("Enrolled");
                    }
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("studentNumber", "log value 'student'", " without pseudonymisation"));
    }

    [Fact]
    public async Task Identifier_in_an_interpolated_span_name_is_wrapped_where_it_sits_with_Compute()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, long studentNumber)
                {
                    activity.DisplayName = $"enrolment {{|#0:studentNumber|}}";
                }
            }
            """, Usings + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, long studentNumber)
                {
                    activity.DisplayName = $"enrolment {pseudonymizer.Compute("student", studentNumber)}";
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("studentNumber", "span name", " without pseudonymisation"));
    }

    [Fact]
    public async Task Flow_through_locals_concatenation_and_ToString_is_followed_to_a_member_chain()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Patient { public int Id { get; set; } }
            class Visit { public Patient Patient { get; } = new(); public string Department = ""; }

            class Recorder
            {
                void Record(Activity activity, Visit visit)
                {
                    var number = visit.Patient.Id.ToString();
                    var label = "p-" + number;
                    string copy;
                    copy = label;
                    activity.SetTag("visit.label", {|#0:copy|});
                    activity.SetTag("hospital.department", visit.Department);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("visit.Patient.Id", "span attribute 'visit.label'", " without pseudonymisation"));
    }

    [Fact]
    public async Task Every_door_into_telemetry_is_watched()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Doors
            {
                void Spans(ActivitySource source, Activity activity, string customerEmail, string userId, int playerId, Guid memberId, string patientMrn)
                {
                    activity.AddTag("x.email", {|TC1001:customerEmail|});
                    activity.SetBaggage("x.user", {|TC1001:userId|});
                    activity.AddBaggage("x.user", {|TC1001:userId|});
                    activity.AddEvent(new ActivityEvent("checked", tags: new ActivityTagsCollection { { "x.player", {|TC1001:playerId|} } }));
                    var tags = new ActivityTagsCollection();
                    tags["x.member"] = {|TC1001:memberId|};
                    source.StartActivity("visit", ActivityKind.Server, default(ActivityContext),
                        new Dictionary<string, object?> { ["x.user"] = {|TC1001:userId|} });
                    source.StartActivity("visit", ActivityKind.Server, default(ActivityContext),
                        new[] { new KeyValuePair<string, object?>("x.user", {|TC1001:userId|}) });
                    activity.SetStatus(ActivityStatusCode.Error, $"no record {{|TC1001:patientMrn|}}");
                    activity.AddException(new InvalidOperationException("missing " + {|TC1001:patientMrn|}));
                    var failure = new ArgumentException($"bad {patientMrn}");
                    activity.AddException({|TC1001:failure|});
                }

                void Metrics(Counter<long> counter, Histogram<double> histogram, string userId)
                {
                    counter.Add(1, new KeyValuePair<string, object?>("x.user", {|TC1001:userId|}));
                    histogram.Record(2.5, new("x.user", {|TC1001:userId|}), new("x.kind", "a"));
                    // Tags gathered in a local, a TagList as well as any other collection, are reported
                    // where the local is sent (each entry is the diagnostic's additional location).
                    var list = new TagList { { "x.user", userId } };
                    list.Add("x.user", userId);
                    counter.Add(1, {|TC1001:{|TC1001:list|}|});
                    var pairs = new List<KeyValuePair<string, object?>>();
                    pairs.Add(new KeyValuePair<string, object?>("x.user", userId));
                    counter.Add(1, {|TC1001:pairs|}.ToArray());
                    _ = new Measurement<int>(1, new KeyValuePair<string, object?>("x.user", {|TC1001:userId|}));
                }

                void Logs(ILogger logger, string patientId, string id)
                {
                    logger.LogInformation("Visit of {Patient}", {|TC1001:patientId|});
                    logger.LogWarning($"Visit of {{|TC1001:patientId|}}");
                    logger.LogInformation("Visit of {PatientId}", {|TC1001:id|});
                    using var scope = logger.BeginScope("Visit {Visit}", {|TC1001:patientId|});
                }

                void Collections(Activity? activity, List<long> patientIds, string[] userEmails)
                {
                    activity?.SetTag("x.patients", {|TC1001:string.Join(",", patientIds)|});
                    activity?.SetTag("x.value", string.Format("p-{0}", {|TC1001:patientIds[0]|}));
                    activity?.SetTag("x.value", string.Format("{0}{1}{2}{3}", 1, 2, 3, {|TC1001:userEmails[0]|}));
                    activity?.SetTag("x.value", new[] { "a", {|TC1001:userEmails[1]|} });
                    activity?.SetTag("x.emails", {|TC1001:userEmails|});
                    activity?.SetTag("x.count", patientIds.Count);
                }

                void OpenTelemetryApi(OpenTelemetry.Trace.TelemetrySpan span, string userEmail)
                {
                    span.SetAttribute("x.email", {|TC1001:userEmail|});
                    span.UpdateName({|TC1001:userEmail|});
                }
            }
            """);
    }

    [Fact]
    public async Task LoggerMessage_methods_and_delegates_are_sinks()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Visit of {patientId}")]
                public static partial void Visit(ILogger logger, string patientId);

                public static partial void Visit(ILogger logger, string patientId) { }

                public static readonly Action<ILogger, string, Exception?> Admitted =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(2), "Admitted {Who}");
            }

            class Ward
            {
                void Admit(ILogger logger, string raw, string patientId)
                {
                    Log.Visit(logger, {|TC1001:raw|});
                    Log.Admitted(logger, {|TC1001:patientId|}, null);
                }
            }
            """);
    }

    [Fact]
    public async Task A_key_declared_pseudonymize_takes_only_proven_pseudonyms()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visit
            {
                string Lookup() => System.Environment.GetEnvironmentVariable("VISIT") ?? "";

                void Record(Activity activity, Pseudonymizer pseudonymizer, string raw)
                {
                    activity.SetTag("patient.id", {|#0:Lookup()|});
                    activity.SetTag(Contoso.Telemetry.PatientAttributes.Id, pseudonymizer.Pseudonymize("patient", raw));
                    var pseudonym = pseudonymizer.Compute("patient", raw);
                    activity.SetTag("patient.id", pseudonym);
                    Pseudonym typed = pseudonymizer.Pseudonymize("patient", raw);
                    activity.SetTag("patient.id", typed);
                    activity.SetTag("patient.id", null);
                    activity.SetTag("patient.id", Pseudonym.FromComputed(pseudonym));
                    activity.SetTag("patient.id", {|#1:Pseudonym.FromComputed(raw)|});
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Lookup()", "span attribute 'patient.id'", " without pseudonymisation"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("Pseudonym.FromComputed(raw)", "span attribute 'patient.id'", " without pseudonymisation"));
    }

    [Fact]
    public async Task A_count_under_a_key_named_for_a_person_is_how_many_not_who()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Collections.Generic;
            using System.Linq;

            public sealed record PilotTarget(string School, string AddedBy);

            class Pilots
            {
                string Lookup() => System.Environment.GetEnvironmentVariable("OWNER") ?? "";

                void Expire(Activity activity, List<PilotTarget> expired)
                {
                    activity.SetTag("pilot.expired.added_by", expired.Select(o => o.AddedBy).Distinct().Count());
                    activity.SetTag("pilot.expired.added_by", expired.Count);
                    activity.SetTag("pilot.expired.added_by", {|TC1001:Lookup()|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_key_declared_redact_takes_no_value_and_gets_no_wrap_fix()
    {
        var source = Usings + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string text)
                {
                    activity.SetTag("patient.diagnosis", {|#0:pseudonymizer.Compute("patient", text)|});
                }
            }
            """;
        await VerifyCS.CodeFixAsync(source, source,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("pseudonymizer.Compute(\"patient\", text)", "span attribute 'patient.diagnosis'", ", which the conventions declare 'redact': no value may be sent, not even a pseudonym"));
    }

    [Fact]
    public async Task The_fix_uses_only_a_pseudonymiser_usable_at_that_point()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Visit
            {
                private readonly Pseudonymizer _instance = Pseudonymizer.FromEnvironment();
                private static readonly Pseudonymizer Shared = Pseudonymizer.FromEnvironment();

                static void Record(Activity activity, string patientId)
                {
                    activity.SetTag("visit.patient", {|#0:patientId|});
                    var later = Pseudonymizer.FromEnvironment();
                    _ = later;
                }
            }
            """, FixedUsings + """
            class Visit
            {
                private readonly Pseudonymizer _instance = Pseudonymizer.FromEnvironment();
                private static readonly Pseudonymizer Shared = Pseudonymizer.FromEnvironment();

                static void Record(Activity activity, string patientId)
                {
                    activity.SetTag("visit.patient", Shared.PseudonymizePatientId(patientId));
                    var later = Pseudonymizer.FromEnvironment();
                    _ = later;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("patientId", "span attribute 'visit.patient'", " without pseudonymisation"));
    }

    [Fact]
    public async Task Without_a_pseudonymiser_in_reach_the_fix_adds_one_to_the_constructor()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Visit
            {
                void Record(Activity activity, string patientId)
                {
                    activity.SetTag("visit.patient", {|#0:patientId|});
                }
            }
            """, FixedUsings + """
            class Visit
            {
                private readonly Pseudonymizer _pseudonymizer;

                public Visit(Pseudonymizer pseudonymizer)
                {
                    _pseudonymizer = pseudonymizer;
                }

                void Record(Activity activity, string patientId)
                {
                    activity.SetTag("visit.patient", _pseudonymizer.PseudonymizePatientId(patientId));
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("patientId", "span attribute 'visit.patient'", " without pseudonymisation"));
    }

    [Fact]
    public async Task No_fix_in_static_code_without_a_pseudonymiser_in_reach()
    {
        var source = Usings + """
            static class Visit
            {
                static void Record(Activity activity, string patientId)
                {
                    activity.SetTag("visit.patient", {|TC1001:patientId|});
                }
            }
            """;
        await VerifyCS.CodeFixAsync(source, source, Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());
    }

    [Fact]
    public async Task Names_that_are_not_identifiers_and_sanitised_values_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Quiet
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, int patientCount, string userAgent, string department, string customerId,
                    [System.Runtime.CompilerServices.CallerMemberName] string memberName = "")
                {
                    activity.SetTag("patient.count", patientCount);
                    activity.SetTag("user_agent.original", userAgent);
                    activity.SetTag("hospital.department", department);
                    activity.SetTag("customer.id", customerId);
                    activity.SetTag("code.function", memberName);
                    activity.SetTag("visit.kind", "outpatient");
                    activity.SetTag("visit.patient", pseudonymizer.Compute("patient", customerId));
                    activity.DisplayName = $"visit {pseudonymizer.Pseudonymize("patient", customerId)}";
                }

                void Objects(ILogger logger, System.Security.Claims.ClaimsPrincipal principal)
                {
                    logger.LogInformation("Signed in: {User}", principal);
                }
            }
            """);
    }

    [Fact]
    public async Task Sanitizers_and_identifier_patterns_come_from_editorconfig()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Contoso.Privacy
            {
                static class Tokens { public static string Tokenize(string value) => value; }
            }

            class Configured
            {
                void Record(Activity activity, string patientId, string badgeNumber)
                {
                    activity.SetTag("visit.patient", Contoso.Privacy.Tokens.Tokenize(patientId));
                    activity.SetTag("staff.badge", {|TC1001:badgeNumber|});
                }
            }
            """,
            Infrastructure.TestSources.Conventions,
            "telemetry_conventions.sanitizers = Contoso.Privacy.Tokens.Tokenize\ntelemetry_conventions.identifier_patterns = +badge\n");
    }

    [Fact]
    public async Task Data_classification_attributes_mark_members_and_foreach_follows_collections()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Microsoft.Extensions.Compliance.Classification
            {
                public abstract class DataClassificationAttribute : Attribute { }
                public sealed class PrivateDataAttribute : DataClassificationAttribute { }
            }

            class Account
            {
                [Microsoft.Extensions.Compliance.Classification.PrivateData]
                public string Holder { get; set; } = "";
            }

            class Recorder
            {
                void Record(Activity activity, Account account, List<string> patientIds)
                {
                    activity.SetTag("account.holder", {|TC1001:account.Holder|});
                    foreach (var each in patientIds)
                    {
                        activity.AddTag("visit.patient", {|TC1001:each|});
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task What_a_compliance_redactor_returns_is_not_the_value()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Microsoft.Extensions.Compliance.Redaction
            {
                public abstract class Redactor
                {
                    public string Redact(string? source) => "";
                }

                public interface IRedactorProvider
                {
                    Redactor GetRedactor(object classification);
                }
            }

            class Mandates
            {
                void Filled(ILogger logger, Microsoft.Extensions.Compliance.Redaction.IRedactorProvider redactors, string accountHolderName, string meterSerial)
                {
                    var redactor = redactors.GetRedactor("private");
                    logger.LogDebug("Mandate account holder {Holder}", redactor.Redact(accountHolderName));
                    logger.LogDebug("Meter {Meter}", redactor.Redact(meterSerial));
                    logger.LogDebug("Meter {Meter}", {|TC1001:meterSerial|});
                }
            }
            """);
    }

    [Fact]
    public async Task Without_conventions_the_name_rules_still_apply()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visit
            {
                void Record(Activity activity, string patientId, string raw)
                {
                    activity.SetTag("patient.id", {|TC1001:patientId|});
                    activity.SetTag("customer.id", {|TC1001:raw|});
                }
            }
            """, conventions: null, editorConfig: null);
    }

    [Fact]
    public async Task A_marked_type_is_generated_API_whatever_its_name_and_its_pseudonymisation_helpers_take_raw_values()
    {
        // A type marked [GeneratedCode("TelemetryConventions", …)] is the generated API: its parameters
        // are sinks of their own, except where a method takes the Pseudonymizer first and so exists to
        // pseudonymise the raw value it is given. Neither depends on the type's name. (The helper's result
        // is judged by the value flow, which does not follow marked code, so it goes under a key the
        // conventions do not declare for pseudonyms.)
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.CodeDom.Compiler;

            [GeneratedCode("TelemetryConventions", "1.0.0.0")]
            static class WardKeys
            {
                public static string WardKey(this Pseudonymizer pseudonymizer, string rawValue) => pseudonymizer.Compute("patient", rawValue);

                public static string Label(string text) => text;
            }

            class Visits
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string patientId)
                {
                    activity.SetTag("visit.ref", pseudonymizer.WardKey(patientId));
                    activity.SetTag("visit.label", WardKeys.Label({|TC1001:patientId|}));
                }
            }
            """);
    }

    [Fact]
    public async Task A_raw_identifier_declared_a_pseudonym_is_reported_where_the_generated_api_takes_it()
    {
        // Pseudonym.FromComputed vouches for a value computed elsewhere; given the raw id, it would
        // send the raw id under a pseudonym's name through a parameter that trusts its type.
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.CodeDom.Compiler;

            [GeneratedCode("TelemetryConventions", "1.0.0.0")]
            static class StreamSpans
            {
                public static void StartStreamPlayback(this ActivitySource source, Pseudonym subscriberId) { }
            }

            class Linking
            {
                void Link(ActivitySource source, Pseudonymizer pseudonymizer, string ownerRef, string accountId, Pseudonym given)
                {
                    var owner = Pseudonym.FromComputed(ownerRef);
                    source.StartStreamPlayback({|TC1001:owner|});
                    source.StartStreamPlayback(Pseudonym.FromComputed({|TC1001:accountId|}));

                    source.StartStreamPlayback(pseudonymizer.Pseudonymize("subscriber.id", accountId));
                    source.StartStreamPlayback(Pseudonym.FromComputed(pseudonymizer.Compute("subscriber.id", accountId)));
                    source.StartStreamPlayback(given);
                }
            }
            """);
    }
    [Fact]
    public async Task The_AWS_Lambda_logger_is_a_log_like_ILogger()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Amazon.Lambda.Core
            {
                public interface ILambdaLogger
                {
                    void Log(string message);
                    void LogLine(string message);
                    void LogInformation(string message, params object[] args);
                    void LogError(Exception exception, string message, params object[] args);
                }
                public interface ILambdaContext { ILambdaLogger Logger { get; } string AwsRequestId { get; } }
                public static class LambdaLogger { public static void Log(string message) { } }
            }

            namespace Shop
            {
                using Amazon.Lambda.Core;

                public sealed class CartFunction
                {
                    public void Handle(string customerId, string cartId, ILambdaContext context)
                    {
                        context.Logger.LogInformation("Cart {CartId} of {CustomerId}", cartId, {|TC1001:customerId|});
                        context.Logger.LogLine($"Cart of {{|TC1001:customerId|}}");
                        context.Logger.Log($"Cart {cartId} for request {context.AwsRequestId}");
                        LambdaLogger.Log("Customer " + {|TC1001:customerId|});
                        context.Logger.LogError(new InvalidOperationException($"No cart for {{|TC1001:customerId|}}"), "Saving cart {CartId} failed", cartId);
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task The_plate_of_a_bus_or_tram_is_a_things_while_a_cars_is_its_keepers()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Bus(string FleetNumber, string Plate);
            public sealed record TramPosition(string CarNumber, string Plate);
            public sealed record ParkedCar(string Plate, string Bay);

            public sealed class Depot
            {
                public void Record(Activity activity, Bus bus, TramPosition tram, ParkedCar car, string fleetPlate)
                {
                    activity.SetTag("vehicle.plate", bus.Plate);
                    activity.SetTag("vehicle.plate", tram.Plate);
                    activity.SetTag("depot.vehicle", fleetPlate);
                    activity.SetTag("vehicle.plate", {|TC1001:car.Plate|});
                }
            }
            """);
    }
    [Fact]
    public async Task The_VIN_of_a_fleet_or_stock_vehicle_is_the_organisations_while_a_customers_car_is_its_keepers()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record FleetVehicle(string FleetNumber, string Vin);
            public sealed record StockVehicle(string StockNumber, string Vin);
            public sealed record ServiceBooking(string BookingId, string Vin);

            public sealed class Workshop
            {
                public void Record(Activity activity, FleetVehicle ambulance, StockVehicle stock, ServiceBooking booking, string poolCarVin)
                {
                    activity.SetTag("fleet.vin", ambulance.Vin);
                    activity.SetTag("stock.vin", stock.Vin);
                    activity.SetTag("pool.vehicle", poolCarVin);
                    activity.SetTag("booking.vin", {|TC1001:booking.Vin|});
                }
            }
            """);
    }
    [Fact]
    public async Task A_date_of_birth_is_personal_and_other_dates_about_a_person_are_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Carer(string Name, DateOnly DateOfBirth, DateTime LastLogin, DateTimeOffset? MemberSince);

            public sealed class Invitations
            {
                public void Accept(Activity activity, ILogger logger, Carer carer, DateOnly carerDob, DateTime patientLastLogin, DateTime? patientBirthDate)
                {
                    var age = DateTime.Today.Year - carerDob.Year;
                    logger.LogInformation("Carer born {DateOfBirth} accepted", {|TC1001:carerDob|});
                    logger.LogInformation("Carer born {DateOfBirth} accepted", {|TC1001:carer.DateOfBirth|});
                    activity.SetTag("patient.birth_date", $"{ {|TC1001:patientBirthDate|}:yyyy-MM-dd}");
                    activity.SetTag("carer.age", age);
                    activity.SetTag("carer.birth_year", carer.DateOfBirth.Year);
                    activity.SetTag("user.last_login", carer.LastLogin);
                    activity.SetTag("patient.last_login", patientLastLogin);
                    activity.SetTag("member.since", carer.MemberSince);
                    logger.LogInformation("Last sign-in {LastLogin}", carer.LastLogin);
                }
            }
            """);
    }

    [Fact]
    public async Task A_note_someone_typed_is_personal_and_a_note_the_method_composes_is_judged_by_its_parts()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record ReviewDecision(string CaseId, string Outcome, string? Note);
            public sealed record WrapUp(string Code, string AgentNotes);
            public sealed record Episode(string TitleId, string PlotNotes);
            public abstract record Message;
            public sealed record Transfer(string ToWard) : Message;
            public sealed record Discharge(int OpenOrders) : Message;

            public sealed class Desk
            {
                public void Release(Activity activity, ILogger logger, ReviewDecision decision, WrapUp wrapUp, Episode episode, Message message, string cardFingerprint)
                {
                    logger.LogInformation("Analyst note on {CaseId}: {Note}", decision.CaseId, {|TC1001:decision.Note|});
                    activity.SetTag("wrapup.notes", {|TC1001:wrapUp.AgentNotes|});
                    activity.SetTag("wrapup.notes.present", !string.IsNullOrWhiteSpace(wrapUp.AgentNotes));
                    activity.SetTag("wrapup.notes.length", wrapUp.AgentNotes.Length);
                    activity.SetTag("episode.plot_notes", episode.PlotNotes);
                    var note = message switch
                    {
                        Transfer transfer => $"transfer to {transfer.ToWard}",
                        Discharge discharge => $"{discharge.OpenOrders} orders open",
                        _ => message.GetType().Name,
                    };
                    activity.SetTag("admission.note", note);
                    activity.SetTag("trial.card.fingerprint", {|TC1001:cardFingerprint|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_full_postcode_is_personal_and_its_outward_code_or_presence_is_about_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Shopper(string Tier, string? PostalCode);

            public sealed class Outages
            {
                public void Report(Activity activity, ILogger logger, string postcode, Shopper shopper)
                {
                    var normalised = postcode.Trim().ToUpperInvariant();
                    var district = normalised.Split(' ', 2)[0];
                    logger.LogInformation("Outage reported at {Postcode}", {|TC1001:normalised|});
                    activity.SetTag("outage.district", district);
                    activity.SetTag("outage.area", postcode[..2]);
                    activity.SetTag("shopper.has_postcode", shopper.PostalCode is not null);
                    activity.SetTag("shopper.postcode", {|TC1001:shopper.PostalCode|});
                }
            }
            """);
    }
    [Fact]
    public async Task Text_a_person_wrote_and_who_did_something_are_personal_and_their_length_and_presence_are_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record SurveyResponse(string OrderId, int Score, string? Comment, string ReviewedBy);

            public sealed class Surveys
            {
                public void Record(Activity activity, ILogger logger, SurveyResponse response, string clinicianQuestion)
                {
                    logger.LogInformation("Detractor said {Comment}", {|TC1001:response.Comment|});
                    logger.LogInformation("Asked {Question}", {|TC1001:clinicianQuestion|});
                    activity.SetTag("survey.reviewed_by", {|TC1001:response.ReviewedBy|});
                    activity.SetTag("survey.comment_length", response.Comment?.Length ?? 0);
                    activity.SetTag("survey.comment.present", response.Comment is not null);
                    activity.SetTag("survey.order", response.OrderId);
                    activity.SetTag("survey.score", response.Score);
                }
            }
            """);
    }

    [Fact]
    public async Task The_name_and_email_of_a_type_for_a_signed_in_person_are_that_person_s()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record StaffPrincipal(string Id, string DisplayName, string Upn, string Role);
            public sealed record ServiceIdentity(string Name, string Region);
            public sealed record DirectoryUser(string DisplayName, string Email);

            class Consoles
            {
                void Send(Activity activity, ILogger logger, StaffPrincipal registrar, ServiceIdentity service, DirectoryUser owner)
                {
                    activity.SetTag("sis.login_as.registrar", {|TC1001:registrar.DisplayName|});
                    activity.SetTag("sis.login_as.role", registrar.Role);
                    logger.LogInformation("Owner {Owner}", {|TC1001:owner.Email|});
                    activity.SetTag("service.name", service.Name);
                }
            }
            """);
    }

    [Fact]
    public async Task A_token_s_subject_and_actor_claims_read_by_type_are_the_user_s()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ImpersonationSession
            {
                public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();
                public string Scope { get; init; } = "";
            }

            class ActAs
            {
                void Send(Activity activity, ImpersonationSession session)
                {
                    activity.SetTag("enduser.id", {|TC1001:session.Claims["sub"]|});
                    activity.SetTag("portal.act_as.actor", {|TC1001:session.Claims["act"]|});
                    activity.SetTag("portal.act_as.scope", session.Claims["scope"]);
                    activity.SetTag("portal.act_as.claims", session.Claims.Count);
                }
            }
            """);
    }

    [Fact]
    public async Task A_file_name_held_by_an_upload_an_attachment_or_a_submission_is_the_name_a_person_gave_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed record DocumentUpload(string DocumentType, string FileName, long Length);
            public sealed record InboundAttachment(string FileName, string Type, long Size);
            public sealed record TravelClaim(string ClaimId, string? ReceiptFileName, IReadOnlyList<string> PhotoFileNames);
            public sealed record ExportResult(string FileName, byte[] Content, int Rows);
            public sealed record StoredBlob(string FileName, string Container);

            class Intake
            {
                void Send(Activity activity, ILogger logger, DocumentUpload upload, IReadOnlyList<InboundAttachment> attachments, TravelClaim claim, ExportResult export, StoredBlob blob)
                {
                    logger.LogInformation("Uploading {Type}: {FileName}", upload.DocumentType, {|TC1001:upload.FileName|});
                    logger.LogInformation("Uploading {Type} ({Extension}, {Bytes} bytes)", upload.DocumentType, System.IO.Path.GetExtension(upload.FileName), upload.Length);
                    logger.LogDebug("Attachment names {Names}", attachments.Select(a => {|TC1001:a.FileName|}).ToList());
                    activity.SetTag("claim.receipt", {|TC1001:claim.ReceiptFileName|});
                    activity.SetTag("claim.photos", {|TC1001:string.Join(";", claim.PhotoFileNames)|});
                    activity.SetTag("claim.photo_count", claim.PhotoFileNames.Count);
                    activity.SetTag("export.file", export.FileName);
                    activity.SetTag("blob.file", blob.FileName);
                }
            }
            """);
    }

    [Fact]
    public async Task What_a_caller_typed_into_a_search_endpoint_or_a_hub_is_personal_and_its_length_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Microsoft.AspNetCore.Mvc
            {
                public abstract class ControllerBase { }
                public sealed class HttpGetAttribute(string template) : Attribute { }
                public sealed class FromQueryAttribute : Attribute { }
            }

            namespace Directory
            {
                using Microsoft.AspNetCore.Mvc;

                public sealed class StaffDirectoryController(ILogger<StaffDirectoryController> logger) : ControllerBase
                {
                    [HttpGet("suggest")]
                    public void Suggest(string prefix, string? department)
                    {
                        Activity.Current?.SetTag("directory.prefix.length", prefix.Length);
                        Activity.Current?.SetTag("directory.department", department);
                        logger.LogDebug("Suggest for {Prefix}", {|TC1001:prefix|});
                    }
                }

                public abstract class Hub { }

                public sealed class LobbyHub(ILogger<LobbyHub> logger) : Hub
                {
                    public void SendChat(string partyId, string body)
                    {
                        logger.LogTrace("Chat in {Party}: {Body}", partyId, {|TC1001:body|});
                        logger.LogTrace("Chat in {Party} of {Length} characters", partyId, body.Length);
                    }
                }

                public sealed class Finder(ILogger<Finder> logger)
                {
                    public void Search([FromQuery] string term) => logger.LogDebug("Search {Term}", {|TC1001:term|});

                    // Not an endpoint: the prefix of the service's own cache keys.
                    public void Warm(string prefix) => logger.LogDebug("Warming {Prefix}", prefix);
                }
            }
            """);
    }

    [Fact]
    public async Task A_pseudonym_s_text_is_as_good_as_the_pseudonym_under_a_key_named_for_a_person()
    {
        await VerifyCS.AnalyzerAsync(FixedUsings + """
            class Grants(Pseudonymizer pseudonymizer)
            {
                void Report(Activity activity, string raw)
                {
                    activity.SetTag("goodwill.last_player", pseudonymizer.PseudonymizePatientId(raw).ToString());
                    var kept = pseudonymizer.PseudonymizePatientId(raw);
                    activity.SetTag("goodwill.last_player", kept.ToString());
                    activity.SetTag("goodwill.last_player", {|TC1001:Pseudonym.FromComputed(raw).ToString()|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_name_kept_beside_an_email_or_phone_is_a_person_s_unless_a_business_or_a_thing_keeps_them()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            sealed record EnquiryForm(string ListingId, string Name, string Email, string Phone, bool WantsViewing);
            sealed record Supplier(string Name, string Email, string PhoneNumber);
            sealed record BranchDetails(string Name, string Email);
            sealed record Listing(string Name, string Postcode);

            class Enquiries(ILogger logger)
            {
                void Enquire(Activity activity, EnquiryForm form, Supplier supplier, BranchDetails branch, Listing listing)
                {
                    activity.SetTag("enquiry.from", {|TC1001:form.Name|});
                    logger.LogInformation("Enquiry from {Name}", {|TC1001:form.Name|});
                    activity.SetTag("enquiry.listing", form.ListingId);
                    activity.SetTag("enquiry.name.given", form.Name.Length > 0);
                    activity.SetTag("supplier.name", supplier.Name);
                    activity.SetTag("branch.name", branch.Name);
                    activity.SetTag("listing.name", listing.Name);
                }
            }
            """);
    }

    [Fact]
    public async Task The_name_a_client_gave_an_uploaded_file_is_personal_and_its_size_and_type_are_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Microsoft.AspNetCore.Http
            {
                public interface IFormFile
                {
                    string FileName { get; }
                    string ContentType { get; }
                    string ContentDisposition { get; }
                    long Length { get; }
                }
            }

            namespace Referrals
            {
                using Microsoft.AspNetCore.Http;

                public sealed class Attachments
                {
                    public void Upload(Activity activity, ILogger logger, IFormFile file, string storedName)
                    {
                        activity.SetTag("upload.original_name", {|TC1001:file.FileName|});
                        logger.LogWarning("Rejected {FileName}", System.IO.Path.GetFileName({|TC1001:file.FileName|}));
                        activity.SetTag("upload.disposition", {|TC1001:file.ContentDisposition|});
                        activity.SetTag("upload.content_type", file.ContentType);
                        activity.SetTag("upload.length", file.Length);
                        activity.SetTag("upload.extension", System.IO.Path.GetExtension(file.FileName));
                        activity.SetTag("upload.stored_name", storedName);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task The_name_a_sender_gave_a_mail_attachment_is_personal_and_its_type_and_size_are_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace MimeKit
            {
                public abstract class MimeEntity { public ContentType ContentType { get; } = new(); public ContentDisposition? ContentDisposition { get; set; } }
                public class MimePart : MimeEntity { public string? FileName { get; set; } public long Size { get; set; } }
                public sealed class ContentType { public string MimeType { get; set; } = ""; public string? Name { get; set; } }
                public sealed class ContentDisposition { public string? FileName { get; set; } public string Disposition { get; set; } = ""; }
            }

            namespace Intake
            {
                using MimeKit;

                public sealed class Attachments
                {
                    public void Screen(Activity activity, ILogger logger, MimePart part, System.Net.Mail.Attachment outgoing)
                    {
                        activity.SetTag("attachment.name", {|TC1001:part.FileName|});
                        logger.LogWarning("Quarantined {FileName}", part.ContentDisposition?{|TC1001:.FileName|});
                        logger.LogWarning("Quarantined {Name}", {|TC1001:part.ContentType.Name|});
                        logger.LogWarning("Forwarded {Name}", {|TC1001:outgoing.Name|});
                        activity.SetTag("attachment.type", part.ContentType.MimeType);
                        activity.SetTag("attachment.size", part.Size);
                        activity.SetTag("attachment.disposition", part.ContentDisposition?.Disposition);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_card_number_masked_to_its_first_six_and_last_four_is_about_the_card()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public static class Luhn
            {
                public static string Mask(string number) =>
                    number.Length < 13 ? new string('*', number.Length) : $"{number[..6]}{new string('*', number.Length - 10)}{number[^4..]}";
            }

            public sealed class Moto
            {
                public void Authorise(Activity activity, string cardNumber)
                {
                    activity.SetTag("moto.card_masked", Luhn.Mask(cardNumber));
                    activity.SetTag("moto.card", {|TC1001:cardNumber|});
                }
            }
            """);
    }
    [Fact]
    public async Task Serilog_calls_pushed_properties_and_enricher_properties_are_logs()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Serilog
            {
                public interface ILogger
                {
                    void Information(string messageTemplate, params object?[]? propertyValues);
                    void Information<T>(string messageTemplate, T propertyValue);
                    void Error(Exception? exception, string messageTemplate, params object?[]? propertyValues);
                }
                public static class Log
                {
                    public static void Warning<T0, T1>(string messageTemplate, T0 propertyValue0, T1 propertyValue1) { }
                }
            }
            namespace Serilog.Events
            {
                public sealed class LogEventProperty { }
                public sealed class LogEvent { public void AddPropertyIfAbsent(LogEventProperty property) { } }
            }
            namespace Serilog.Core
            {
                public interface ILogEventPropertyFactory { Serilog.Events.LogEventProperty CreateProperty(string name, object? value, bool destructureObjects = false); }
            }
            namespace Serilog.Context
            {
                public static class LogContext { public static IDisposable PushProperty(string name, object? value, bool destructureObjects = false) => null!; }
            }

            namespace Campus
            {
                using Serilog.Context;

                public sealed record Guardian(string Email, string Relationship);

                public sealed class Enrolments(Serilog.ILogger log)
                {
                    public void Enrol(string studentNumber, string courseId, Guardian guardian, Serilog.Core.ILogEventPropertyFactory factory, Serilog.Events.LogEvent logEvent)
                    {
                        log.Information("Enrolling {StudentNumber} on {CourseId}", {|TC1001:studentNumber|}, courseId);
                        log.Information("Course {CourseId}", courseId);
                        log.Information("Student {Student}", {|TC1001:studentNumber|});
                        Serilog.Log.Warning("Course {CourseId} full for {StudentNumber}", courseId, {|TC1001:studentNumber|});
                        log.Error(new InvalidOperationException($"No place for {{|TC1001:studentNumber|}}"), "Enrolment failed on {CourseId}", courseId);
                        using var student = LogContext.PushProperty("StudentNumber", {|TC1001:studentNumber|});
                        using var course = LogContext.PushProperty("CourseId", courseId);
                        using var family = LogContext.PushProperty("Guardian", {|TC1001:guardian|}, destructureObjects: true);
                        logEvent.AddPropertyIfAbsent(factory.CreateProperty("StudentNumber", {|TC1001:studentNumber|}));
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task Request_log_properties_and_authentication_failures_are_logs()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Serilog
            {
                public interface IDiagnosticContext { void Set(string propertyName, object? value, bool destructureObjects = false); }
            }
            namespace Microsoft.AspNetCore.HttpLogging
            {
                public sealed class HttpLoggingInterceptorContext { public void AddParameter(string key, object? value) { } }
            }
            namespace Microsoft.AspNetCore.Authentication
            {
                public sealed class AuthenticateResult
                {
                    public static AuthenticateResult Fail(string failureMessage) => new();
                    public static AuthenticateResult Fail(Exception failure) => new();
                }
                public abstract class ResultContext<TOptions>
                {
                    public void Fail(string failureMessage) { }
                }
                public sealed class TokenValidatedContext : ResultContext<object> { }
            }

            namespace Clinic
            {
                using Microsoft.AspNetCore.Authentication;

                public sealed class RequestLogging(Serilog.IDiagnosticContext diagnostics)
                {
                    public void Enrich(Microsoft.AspNetCore.HttpLogging.HttpLoggingInterceptorContext log, string patientId, string clinicId)
                    {
                        diagnostics.Set("PatientId", {|TC1001:patientId|});
                        diagnostics.Set("ClinicId", clinicId);
                        log.AddParameter("patient", {|TC1001:patientId|});
                        log.AddParameter("clinic", clinicId);
                    }

                    public AuthenticateResult Check(TokenValidatedContext context, string staffNumber, string scheme)
                    {
                        context.Fail($"Staff {{|TC1001:staffNumber|}} is suspended");
                        context.Fail("Token revoked");
                        return scheme == "basic"
                            ? AuthenticateResult.Fail(new InvalidOperationException($"Unknown staff {{|TC1001:staffNumber|}}"))
                            : AuthenticateResult.Fail($"Scheme {scheme} refused");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Scheme_numbers_are_personal_and_a_few_characters_cut_from_one_are_about_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Gates
            {
                public void Tap(Activity activity, string isrn, string railcard, string lobbySteamId, string xuid)
                {
                    activity.SetTag("itso.isrn", {|TC1001:isrn|});
                    activity.SetTag("itso.oid", isrn.Substring(6, 4));
                    activity.SetTag("itso.tail", {|TC1001:isrn.Substring(6)|});
                    activity.SetTag("ticket.railcard", {|TC1001:railcard|});
                    activity.SetTag("xbox.xuid", {|TC1001:xuid|});
                    activity.SetTag("steam.lobby", lobbySteamId);
                }
            }
            """);
    }
    [Fact]
    public async Task Trace_state_and_baggage_made_from_a_dictionary_are_propagated_with_the_trace()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using OpenTelemetry;

            class Propagation
            {
                void Send(Activity activity, string mpan, string partyId, string leaderGamertag, string cashierName)
                {
                    activity.TraceStateString = $"dhub=mpan:{{|TC1001:mpan|}}";
                    activity.TraceStateString = "dhub=region:north";
                    var baggage = Baggage.Create(new Dictionary<string, string> { ["party.id"] = partyId, ["party.leader"] = {|TC1001:leaderGamertag|} });
                    Baggage.SetBaggage(new[] { new KeyValuePair<string, string?>("till.cashier", {|TC1001:cashierName|}) });
                }
            }
            """);
    }
    [Fact]
    public async Task A_null_conditional_member_is_wrapped_with_its_whole_access()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Patient { public string Mrn { get; init; } = ""; }

            class Visit
            {
                private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromEnvironment();

                void Record(Activity activity, Patient? patient)
                {
                    activity.SetTag("visit.subject", patient?{|#0:.Mrn|});
                }
            }
            """, Usings + """
            class Patient { public string Mrn { get; init; } = ""; }

            class Visit
            {
                private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromEnvironment();

                void Record(Activity activity, Patient? patient)
                {
                    activity.SetTag("visit.subject", _pseudonymizer.Pseudonymize("mrn", patient?.Mrn));
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("patient?.Mrn", "span attribute 'visit.subject'", " without pseudonymisation"));
    }

    [Fact]
    public async Task An_identity_document_s_number_is_personal_and_an_invoice_s_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record TravelDocument(string DocumentType, string Number, string IssuingCountry, DateOnly Expiry);
            record AgeCheck(string CheckId, string? DocumentNumber, DateOnly? DateOfBirth);
            record PassportScan(string Number);
            record TaxInvoice(string Number, long NetMinor, string Currency);
            record DeliveryNote(string DocumentNumber, DateOnly Shipped, string Carrier);

            class CheckIn
            {
                void Record(Activity activity, TravelDocument document, AgeCheck check, PassportScan scan, TaxInvoice invoice, DeliveryNote note)
                {
                    activity.SetTag("checkin.document.number", {|TC1001:document.Number|});
                    activity.SetTag("age.document.number", {|TC1001:check.DocumentNumber|});
                    activity.SetTag("scan.number", {|TC1001:scan.Number|});
                    activity.SetTag("checkin.document.type", document.DocumentType);
                    activity.SetTag("checkin.document.country", document.IssuingCountry);
                    activity.SetTag("billing.document.number", invoice.Number);
                    activity.SetTag("delivery.document.number", note.DocumentNumber);
                }
            }
            """);
    }

    [Fact]
    public async Task A_device_held_with_a_person_s_identifier_is_theirs_and_a_device_alone_is_a_thing()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record PlaybackToken(Guid SubscriberId, string DeviceId, string Plan);
            record WarrantyRegistration(string SerialNumber, string Model, string CustomerEmail);
            record VentilatorPoll(string DeviceId, string Ward, int Bed);
            record Validator(string Serial, string DepotCode, string RegisteredBy);
            record CabinetFault(string CabinetSerial, string FaultCode, string ReportedByPlayerId);
            record HardwareBan(string HardwareId, string BanId);

            class Devices
            {
                void Record(Activity activity, PlaybackToken token, WarrantyRegistration registration, VentilatorPoll poll, Validator validator, CabinetFault fault, HardwareBan ban, string consoleSerial, string thermostatModel)
                {
                    activity.SetTag("drm.device.id", {|TC1001:token.DeviceId|});
                    activity.SetTag("warranty.serial", {|TC1001:registration.SerialNumber|});
                    activity.SetTag("ban.hardware", {|TC1001:ban.HardwareId|});
                    activity.SetTag("console.serial", {|TC1001:consoleSerial|});
                    activity.SetTag("warranty.model", registration.Model);
                    activity.SetTag("icu.device.id", poll.DeviceId);
                    activity.SetTag("validator.serial", validator.Serial);
                    activity.SetTag("cabinet.serial", fault.CabinetSerial);
                    activity.SetTag("cabinet.reported_by", {|TC1001:fault.ReportedByPlayerId|});
                    activity.SetTag("thermostat.model", thermostatModel);
                }

                void Refused(Activity activity, Guid subscriberId, string deviceId) =>
                    activity.SetTag("playback.refused_device", {|TC1001:deviceId|});

                void Polled(Activity activity, string deviceId, int bed) =>
                    activity.SetTag("icu.device.id", deviceId);
            }
            """);
    }

    [Fact]
    public async Task Text_kept_in_a_record_that_identifies_a_person_is_theirs_and_text_in_a_record_of_things_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record FitNote(string FitNoteId, string NhsNumber, string Condition, string Concerns, int WeeksUnfit);
            record CastingApplication(string ApplicationId, string ApplicantEmail, string Story);
            record Intervention(string InterventionId, string CallerPhone, string PersonDescription, string StatusMessage);
            record Product(string Sku, string Description, string Condition);
            record FaultReport(string JobId, string FaultDescription, string RaisedBy);
            record Ticket(string TicketId, string Summary, string CreatedBy);
            record PaymentIntent(string Id, string CustomerId, string ReceiptEmail, string Description);

            class Texts
            {
                void Record(Activity activity, FitNote note, CastingApplication application, Intervention intervention, Product product, FaultReport fault, Ticket ticket, PaymentIntent intent)
                {
                    activity.SetTag("fitnote.concerns", {|TC1001:note.Concerns|});
                    activity.SetTag("fitnote.condition", note.Condition);
                    activity.SetTag("casting.story", {|TC1001:application.Story|});
                    activity.SetTag("casting.story.length", application.Story.Length);
                    activity.SetTag("railcare.person", {|TC1001:intervention.PersonDescription|});
                    activity.SetTag("railcare.status", intervention.StatusMessage);
                    activity.SetTag("product.description", product.Description);
                    activity.SetTag("product.condition", product.Condition);
                    activity.SetTag("fault.description", fault.FaultDescription);
                    activity.SetTag("ticket.summary", ticket.Summary);
                    activity.SetTag("payment.description", intent.Description);
                }
            }
            """);
    }

    [Fact]
    public async Task A_pass_code_kept_beside_the_person_it_was_issued_to_is_theirs_and_a_code_on_goods_or_an_unnamed_ticket_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record BoardingPass(string Barcode, string Pnr, string PassengerName, string Flight, string Seat);
            record EventTicket(string TicketId, string QrCode, string HolderEmail);
            record TestKit(string KitBarcode, string CustomerId);
            record TimedTicket(string OrderId, string Barcode, string Gate);
            record Parcel(string Barcode, string RecipientName, string Postcode);
            record Loan(string ItemBarcode, string BorrowerId);
            record TicketScan(string Barcode, string ScannedBy, string Gate);

            class Scans
            {
                void Record(Activity activity, BoardingPass pass, TestKit kit, TimedTicket entry, Parcel parcel, Loan loan, TicketScan scan, EventTicket ticket)
                {
                    activity.SetTag("gate.barcode", {|TC1001:pass.Barcode|});
                    activity.SetTag("ticket.qr", {|TC1001:ticket.QrCode|});
                    activity.SetTag("kit.barcode", kit.KitBarcode);
                    activity.SetTag("gate.barcode.length", pass.Barcode.Length);
                    activity.SetTag("entry.barcode", entry.Barcode);
                    activity.SetTag("parcel.barcode", parcel.Barcode);
                    activity.SetTag("loan.item", loan.ItemBarcode);
                    activity.SetTag("scan.barcode", scan.Barcode);
                }
            }
            """);
    }

    [Fact]
    public async Task An_element_read_from_the_end_of_a_list_of_names_is_a_name_and_its_count_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Collections.Generic;

            record Manifest(string ShuttleId, List<string> GuestNames, List<string> Stops);

            class Shuttles
            {
                void Overbooked(Activity activity, Manifest manifest, List<string> renterIds)
                {
                    activity.SetStatus(ActivityStatusCode.Error, $"Left behind: {{|TC1001:manifest.GuestNames[^1]|}}");
                    activity.SetTag("rental.last_renter", {|TC1001:renterIds[^1]|});
                    activity.SetStatus(ActivityStatusCode.Error, $"Overbooked by {manifest.GuestNames.Count - 49}");
                    activity.SetTag("shuttle.last_stop", manifest.Stops[^1]);
                }
            }
            """);
    }

    [Fact]
    public async Task Renters_fee_earners_timekeepers_couples_and_freelancers_are_people()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Matters
            {
                void Record(Activity activity, string renterId, string feeEarnerId, string timekeeperName, string coupleId, string freelancerId, string githubHandle, string shareCode)
                {
                    activity.SetTag("damage.renter", {|TC1001:renterId|});
                    activity.SetTag("matter.fee_earner", {|TC1001:feeEarnerId|});
                    activity.SetTag("invoice.timekeeper", {|TC1001:timekeeperName|});
                    activity.SetTag("lettings.couple", {|TC1001:coupleId|});
                    activity.SetTag("freelancer.id", {|TC1001:freelancerId|});
                    activity.SetTag("techtest.handle", {|TC1001:githubHandle|});
                    activity.SetTag("rtw.share_code", {|TC1001:shareCode|});
                }
            }
            """);
    }

    [Fact]
    public async Task Notes_a_parent_or_a_customer_wrote_critics_and_instructors_by_their_register_number_are_people()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visits
            {
                void Record(Activity activity, string parentNote, string customerNotes, string criticName, string adiNumber, string releaseNotes, string criticCount)
                {
                    activity.SetTag("diet.parent_note", {|TC1001:parentNote|});
                    activity.SetTag("order.customer_notes", {|TC1001:customerNotes|});
                    activity.SetTag("critic.name", {|TC1001:criticName|});
                    activity.SetTag("lessons.instructor.adi", {|TC1001:adiNumber|});
                    activity.SetTag("app.release_notes", releaseNotes);
                    activity.SetTag("critic.count", criticCount);
                }
            }
            """);
    }

    [Fact]
    public async Task Contractors_reps_a_calls_caller_by_name_and_the_name_a_screen_matched_are_people()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record Call(string CallId, string CallerName);

            class Desk
            {
                void Record(Activity activity, string contractorName, string contractorCompany, string supplierRepName, Call call, string matchedName, string matchedRouteName, int repCount)
                {
                    activity.SetTag("site.contractor", {|TC1001:contractorName|});
                    activity.SetTag("site.contractor.firm", contractorCompany);
                    activity.SetTag("visit.rep", {|TC1001:supplierRepName|});
                    activity.SetTag("call.caller", {|TC1001:call.CallerName|});
                    activity.SetTag("watchlist.match", {|TC1001:matchedName|});
                    activity.SetTag("http.route.name", matchedRouteName);
                    activity.SetTag("gym.reps", repCount);
                }

                void Trace(Activity activity, [System.Runtime.CompilerServices.CallerMemberName] string callerName = "") =>
                    activity.SetTag("code.function", callerName);
            }
            """);
    }

    [Fact]
    public async Task An_element_of_a_returned_tuple_is_judged_by_what_that_element_holds()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Reminders
            {
                void Send(Activity activity, string customerEmail, decimal amount)
                {
                    var reminder = Reminder(customerEmail, amount);
                    activity.SetTag("reminder.to", {|TC1001:reminder.To|});
                    activity.SetTag("reminder.template", reminder.TemplateId);
                }

                static (string To, string TemplateId) Reminder(string email, decimal amount) => (email, amount > 50m ? "tpl-final" : "tpl-gentle");
            }
            """);
    }

    [Fact]
    public async Task A_bare_address_beside_a_postcode_and_a_person_is_theirs_and_a_place_s_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record GasEscapeReport(string ReportId, string ReporterPhone, string Address, string Postcode);
            record DepotRecord(string DepotId, string ManagerEmail, string Address, string Postcode);
            record Upstream(string Name, string Address, int Port);

            class Escapes
            {
                void Record(Activity activity, GasEscapeReport report, DepotRecord depot, Upstream upstream, string senderNumber, string lastKnownAddress, string hardshipStatement, string knownIssue, string streamerHandle, string chatLine, string chatRoom)
                {
                    activity.SetTag("gas.address", {|TC1001:report.Address|});
                    activity.SetTag("depot.address", depot.Address);
                    activity.SetTag("upstream.address", upstream.Address);
                    activity.SetTag("text.sender", {|TC1001:senderNumber|});
                    activity.SetTag("trace.address", {|TC1001:lastKnownAddress|});
                    activity.SetTag("plan.hardship", {|TC1001:hardshipStatement|});
                    activity.SetTag("app.known_issue", knownIssue);
                    activity.SetTag("streamer.handle", {|TC1001:streamerHandle|});
                    activity.SetTag("player.chat", {|TC1001:chatLine|});
                    activity.SetTag("chat.room", chatRoom);
                }
            }
            """);
    }

    [Fact]
    public async Task A_move_s_addresses_a_seller_s_name_a_real_name_an_access_code_and_an_id_check_s_document_are_personal()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record MoveRequest(string CustomerId, string CurrentAddress, string NewAddress, string ForwardingAddress, string NewVersion);
            record IdCheck(string DocumentType, string DocumentNumber, bool Verified);
            record Invoice(string DocumentType, string DocumentNumber, decimal Total);
            record Rental(string UnitId, string AccessCode, string AccessLevel);

            class Moves
            {
                void Record(Activity activity, MoveRequest move, IdCheck check, Invoice invoice, Rental rental, string sellerName, string sellerRating, string realName, string customerVehicleReg, string hlaTyping)
                {
                    activity.SetTag("move.from", {|TC1001:move.CurrentAddress|});
                    activity.SetTag("move.to", {|TC1001:move.NewAddress|});
                    activity.SetTag("move.forward", {|TC1001:move.ForwardingAddress|});
                    activity.SetTag("app.version", move.NewVersion);
                    activity.SetTag("id.type", check.DocumentType);
                    activity.SetTag("id.number", {|TC1001:check.DocumentNumber|});
                    activity.SetTag("invoice.number", invoice.DocumentNumber);
                    activity.SetTag("unit.code", {|TC1001:rental.AccessCode|});
                    activity.SetTag("unit.level", rental.AccessLevel);
                    activity.SetTag("seller.name", {|TC1001:sellerName|});
                    activity.SetTag("seller.rating", sellerRating);
                    activity.SetTag("player.real_name", {|TC1001:realName|});
                    activity.SetTag("parking.vehicle", {|TC1001:customerVehicleReg|});
                    activity.SetTag("recipient.hla", {|TC1001:hlaTyping|});
                }
            }
            """);
    }
}
