using TelemetryConventions.Analyzers.Infrastructure;
using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>TC1001 across members, objects and exceptions: one focused case per kind of flow.</summary>
public class TC1001FlowTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using TelemetryConventions;

        """;

    [Fact]
    public async Task Identifiers_are_followed_through_returns_fields_out_parameters_and_forwarding_helpers()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Chart
            {
                private string _current = "";

                void Remember(string patientId) => _current = patientId;

                static string Label(string value) => "patient " + value;

                async Task<string> LoadAsync()
                {
                    await Task.Yield();
                    return _current;
                }

                bool TryFind(out string value)
                {
                    value = _current;
                    return true;
                }

                static void Tag(Activity activity, string key, object? value) => activity.SetTag(key, {|TC1001:value|});

                async Task Record(Activity activity, string patientId)
                {
                    activity.SetTag("chart.label", Label({|TC1001:patientId|}));
                    activity.SetTag("chart.current", {|TC1001:_current|});
                    activity.SetTag("chart.loaded", {|TC1001:await LoadAsync()|});
                    if (TryFind(out var found))
                    {
                        activity.SetTag("chart.found", {|TC1001:found|});
                    }
                    Tag(activity, "chart.tag", {|TC1001:patientId|});
                    Tag(activity, "chart.ward", "north");
                    activity.SetTag("chart.label_length", Label(patientId).Length);
                }
            }
            """);
    }

    [Fact]
    public async Task A_local_named_for_an_identifier_is_judged_by_what_it_holds_when_that_is_a_hash_or_a_pseudonym()
    {
        // The hash is TC1002's to report; a pseudonym is clean; a plain copy is still the identifier.
        await VerifyCS.AnalyzerAsync(Usings + """
            class Billing
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string subscriberEmail, string patientId)
                {
                    var emailKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(subscriberEmail.ToLowerInvariant())));
                    activity.SetTag("billing.subscriber_md5", emailKey);
                    var patientRef = pseudonymizer.Compute("patient.id", patientId);
                    activity.SetTag("billing.patient", patientRef);
                    var patientCopy = patientId;
                    activity.SetTag("billing.patient_copy", {|TC1001:patientCopy|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_member_is_found_by_its_writes_whatever_else_mentions_its_name()
    {
        // Writes are looked up from the name's occurrences in the text: a verbatim name, the name in a
        // comment or a string, a same-named private field of another class and literal writes must
        // neither hide the real write nor count as one.
        await VerifyCS.AnalyzerAsync(Usings + """
            class Ward
            {
                private string @note = "";
                private string _label = "";

                // _label = patientId would leak, but this is a comment: "_label = patientId"
                void Admit(string patientId)
                {
                    this.@note = $"admitted {patientId}";
                    _label = "north";
                    _label = null!;
                }

                void Send(Activity activity)
                {
                    activity.SetTag("ward.note", {|TC1001:note|});
                    activity.SetTag("ward.label", _label);
                }
            }

            class Pharmacy
            {
                private string _label = "";

                void Dispense(string patientId) => Console.WriteLine("_label = " + patientId);

                void Send(Activity activity) => activity.SetTag("pharmacy.label", _label);
            }

            class Lab
            {
                private string _label = "";

                void Receive(string patientId) => _label = patientId;
            }
            """);
    }

    [Fact]
    public async Task A_member_only_its_type_can_write_is_found_by_the_writes_inside_that_type()
    {
        // A private setter, a get-only property and a read-only field are searched for writes only
        // inside their type; a same-named member of another type written outside does not count.
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visit
            {
                public Visit(string patientId)
                {
                    Owner = patientId;
                    _code = "v-" + patientId;
                }

                public string Owner { get; }

                public string Note { get; private set; } = "";

                private readonly string _code;

                public string Code => _code;

                public void Annotate(string patientId) => Note = $"seen {patientId}";
            }

            class Chart
            {
                public string Note { get; set; } = "";
            }

            class Reporter
            {
                void Send(Activity activity, Visit visit, Chart chart, string patientId)
                {
                    chart.Note = patientId;
                    activity.SetTag("visit.owner", {|TC1001:visit.Owner|});
                    activity.SetTag("visit.note", {|TC1001:visit.Note|});
                    activity.SetTag("visit.code", {|TC1001:visit.Code|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_helper_is_followed_three_helpers_deep_to_the_telemetry_it_feeds()
    {
        // Each level binds every method the one above calls, so the search stops after three.
        await VerifyCS.AnalyzerAsync(Usings + """
            static class Tagging
            {
                public static void Outer(Activity activity, string value) => Middle(activity, {|TC1001:value|});
                static void Middle(Activity activity, string value) => Inner(activity, value);
                static void Inner(Activity activity, string value) => activity.SetTag("visit.note", value);

                public static void Deep1(Activity activity, string value) => Deep2(activity, {|TC1001:value|});
                public static void Deep2(Activity activity, string value) => Deep3(activity, {|TC1001:value|});
                static void Deep3(Activity activity, string value) => Deep4(activity, value);
                static void Deep4(Activity activity, string value) => activity.SetTag("visit.note", value);
            }

            // Deep2 is three helpers from the sink: asked about first, it forwards; that must not
            // make Deep1, four helpers away, forward too.
            class Wards
            {
                void Open(Activity activity, string patientId) => Tagging.Deep2(activity, {|TC1001:patientId|});
            }

            class Admissions
            {
                void Admit(Activity activity, string patientId)
                {
                    Tagging.Outer(activity, {|TC1001:patientId|});
                    Tagging.Deep1(activity, patientId);
                }
            }
            """);
    }

    [Fact]
    public async Task An_exception_is_followed_three_calls_deep_from_the_try_block()
    {
        // Each level binds every method the one above calls, so the search stops after three. What a
        // catch cannot see that far down is taken to leave the service where it is thrown.
        await VerifyCS.AnalyzerAsync(Usings + """
            class Records
            {
                static void Level1(string mrn) => Level2(mrn);
                static void Level2(string mrn) => Level3(mrn);
                static void Level3(string mrn) => throw new InvalidOperationException($"No chart for {mrn}");

                static void Deep1(string mrn) => Deep2(mrn);
                static void Deep2(string mrn) => Deep3(mrn);
                static void Deep3(string mrn) => Deep4(mrn);
                static void Deep4(string mrn) => throw new InvalidOperationException($"No chart for {{|TC1001:mrn|}}");

                void Open(Activity activity, string mrn)
                {
                    try
                    {
                        Level1(mrn);
                    }
                    catch (InvalidOperationException ex)
                    {
                        activity.AddException({|TC1001:ex|});
                    }
                    try
                    {
                        Deep1(mrn);
                    }
                    catch (InvalidOperationException ex)
                    {
                        activity.AddException(ex);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_exception_thrown_in_a_helper_leaks_only_where_its_type_is_caught()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Charts
            {
                static void Load(string mrn) => throw new InvalidOperationException($"No chart for {mrn}");

                void Open(Activity activity, ILogger logger, string mrn)
                {
                    try
                    {
                        Load(mrn);
                    }
                    catch (InvalidOperationException ex)
                    {
                        activity.AddException({|TC1001:ex|});
                        logger.LogWarning({|TC1001:ex|}, "Chart lookup failed");
                        activity.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                    catch (ArgumentException ex)
                    {
                        activity.AddException(ex);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_catch_clause_does_not_see_what_an_earlier_clause_of_its_try_takes_and_rethrows()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            sealed class ChartLockedException(string mrn) : InvalidOperationException($"Chart of {mrn} is locked");

            class Charts
            {
                static void Open(string mrn, bool locked)
                {
                    if (locked)
                    {
                        throw new ChartLockedException(mrn);
                    }
                    throw new InvalidOperationException("The chart store is read-only");
                }

                static void Archive(string mrn) => throw new InvalidOperationException($"Chart of {mrn} is archived");

                void Edit(Activity activity, ILogger logger, string mrn, bool locked)
                {
                    try
                    {
                        Open(mrn, locked);
                    }
                    catch (ChartLockedException ex)
                    {
                        activity.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                        throw;
                    }
                    catch (InvalidOperationException ex)
                    {
                        logger.LogWarning(ex, "Chart edit refused");
                    }
                }

                void Close(ILogger logger, string mrn)
                {
                    try
                    {
                        Archive(mrn);
                    }
                    catch (ChartLockedException)
                    {
                        throw;
                    }
                    catch (InvalidOperationException ex)
                    {
                        logger.LogWarning({|TC1001:ex|}, "Chart close refused");
                    }
                }

                private Action<string>? _onLocked;

                void OnLocked(Action<string> handler) => _onLocked = handler;

                void Watch(string mrn) => OnLocked(state => throw new ChartLockedException({|TC1001:mrn|}));

                void Lock(ILogger logger, string state)
                {
                    try
                    {
                        _onLocked?.Invoke(state);
                    }
                    catch (ChartLockedException)
                    {
                        throw;
                    }
                    catch (InvalidOperationException ex)
                    {
                        logger.LogWarning(ex, "Chart lock refused");
                    }
                }

                void Reopen(ILogger logger, string mrn, bool locked)
                {
                    try
                    {
                        Open(mrn, locked);
                    }
                    catch (ChartLockedException ex) when (ex.Message.Length > 400)
                    {
                        throw;
                    }
                    catch (InvalidOperationException ex)
                    {
                        logger.LogWarning({|TC1001:ex|}, "Chart reopen refused");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_caught_exception_of_a_type_that_puts_an_identifier_in_its_message_leaks_wherever_it_was_thrown()
    {
        // The throw is behind an interface: only the type can answer for what the message holds.
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class PatientNotRegisteredException(string nhsNumber) : Exception($"No patient with NHS number {nhsNumber}");

            public sealed class SubscriptionNotFoundException : Exception
            {
                public SubscriptionNotFoundException(string subscriberId) : base("No subscription for " + subscriberId) { }
            }

            public sealed class QuotaExceededException(int limit) : Exception($"Over the limit of {limit}");

            public interface IDispenser { void Dispense(string code); }

            class Pharmacy
            {
                void Run(IDispenser dispenser, Activity activity, ILogger logger, string code)
                {
                    try
                    {
                        dispenser.Dispense(code);
                    }
                    catch (PatientNotRegisteredException ex)
                    {
                        activity.AddException({|TC1001:ex|});
                    }
                    catch (SubscriptionNotFoundException ex)
                    {
                        logger.LogWarning({|TC1001:ex|}, "Unknown subscription");
                    }
                    catch (QuotaExceededException ex)
                    {
                        logger.LogWarning(ex, "Over quota");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_exception_created_in_sight_is_judged_by_the_arguments_it_is_given()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ReturnWindowClosedException(string orderId, string customerEmail)
                : Exception($"Return window closed for order {orderId} ({customerEmail})");

            record ReturnRequest(string OrderId, string CustomerEmail);

            class Returns
            {
                void Refuse(Activity activity, ReturnRequest request)
                {
                    activity.AddException(new ReturnWindowClosedException(request.OrderId, "(hidden)"));
                    activity.AddException(new ReturnWindowClosedException(request.OrderId, {|TC1001:request.CustomerEmail|}));
                }
            }
            """);
    }

    [Fact]
    public async Task Text_whose_name_says_nothing_takes_the_name_of_the_constructor_parameter_that_quotes_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class LoyaltyCardUnknownException(string cardNumber)
                : Exception($"Loyalty card {cardNumber} not recognised");

            class Till
            {
                void Scan(Activity activity, ILogger logger, string scannedCard, string orderId)
                {
                    var unknown = new LoyaltyCardUnknownException(scannedCard);
                    logger.LogWarning("Card lookup failed: {Error}", {|TC1001:unknown.Message|});
                    logger.LogWarning("Card lookup failed: {Error}", new LoyaltyCardUnknownException("(withheld)").Message);
                    logger.LogWarning("Card lookup failed: {Error}", new LoyaltyCardUnknownException(scannedCard[^4..]).Message);
                    logger.LogWarning("Card lookup failed: {Error}", new LoyaltyCardUnknownException(orderId).Message);
                }
            }
            """);
    }

    [Fact]
    public async Task A_bare_name_parameter_is_the_one_the_exceptions_type_names()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ApplicantUnderAgeException(string name, int age) : Exception($"{name} is {age}, under the minimum age");
            public sealed class OrderNotFoundException(string id) : Exception($"Order {id} not found");
            public sealed record Application(string Name, int Age, string FieldName);

            class Casting
            {
                void Apply(Activity activity, ILogger logger, Application application, string orderRef)
                {
                    var underAge = new ApplicantUnderAgeException(application.Name, application.Age);
                    activity.SetStatus(ActivityStatusCode.Error, {|TC1001:underAge.Message|});
                    activity.SetStatus(ActivityStatusCode.Error, new ApplicantUnderAgeException(application.FieldName, 3).Message);
                    activity.SetStatus(ActivityStatusCode.Error, new OrderNotFoundException(orderRef).Message);
                }
            }
            """);
    }

    [Fact]
    public async Task A_message_key_is_what_the_comments_say_its_topic_is_keyed_by()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Message<TKey, TValue> { public TKey Key { get; init; } = default!; public TValue Value { get; init; } = default!; }
            public sealed class ConsumeResult<TKey, TValue> { public Message<TKey, TValue> Message { get; init; } = default!; }

            public sealed record EligibilityCheck(bool InGoodStanding);

            /// <summary>
            /// A turnstile tap as the access system publishes it; the topic is keyed by the
            /// campus card's UID.
            /// </summary>
            public sealed record Tap(string Turnstile);

            /// <summary>A till sale, published on a topic keyed by the loyalty card scanned at the till.</summary>
            public sealed record Sale(decimal Amount);

            /// <summary>A stamp; the tills key each stamp by the loyalty card scanned, so a card's stamps stay in order.</summary>
            public sealed record Stamp(int Count);

            /// <summary>A signature; its key is signed by the gateway.</summary>
            public sealed record Signature(string Text);

            /// <summary>A shuttle scan, published on a topic keyed by stop id.</summary>
            public sealed record Scan(string Stop);

            /// <summary>Consumes eligibility checks from the registry topic, keyed by student number, and flags athletes.</summary>
            class EligibilityConsumer
            {
                void Consume(Activity activity, ConsumeResult<string, EligibilityCheck> result, ConsumeResult<string, Tap> tap, ConsumeResult<string, Scan> scan)
                {
                    activity.SetTag("messaging.kafka.message.key", {|TC1001:result.Message.Key|});
                    activity.SetTag("taps.key", {|TC1001:tap.Message.Key|});
                    activity.SetTag("scans.key", scan.Message.Key);
                    activity.SetTag("taps.key_length", tap.Message.Key.Length);
                }

                void Consume(Activity activity, ConsumeResult<string, Sale> sale)
                {
                    activity.SetTag("sales.key", {|TC1001:sale.Message.Key|});
                }

                void Consume(Activity activity, ConsumeResult<string, Stamp> stamp, ConsumeResult<string, Signature> signature)
                {
                    activity.SetTag("stamps.key", {|TC1001:stamp.Message.Key|});
                    activity.SetTag("signatures.key", signature.Message.Key);
                }
            }

            // Reads booking events (keyed by booking id) and confirms them.
            class BookingConsumer
            {
                void Consume(Activity activity, ConsumeResult<string, EligibilityCheck> result) =>
                    activity.SetTag("messaging.kafka.message.key", result.Message.Key);
            }

            class DischargeConsumer
            {
                void Consume(Activity activity, ConsumeResult<string, Scan> result)
                {
                    // The discharge topic is keyed by NHS number.
                    var topic = "discharges";
                    activity.SetTag("messaging.destination.name", topic);
                    activity.SetTag("messaging.kafka.message.key", {|TC1001:result.Message.Key|});
                }
            }

            class UndocumentedConsumer
            {
                void Consume(Activity activity, ConsumeResult<string, Scan> result) =>
                    activity.SetTag("messaging.kafka.message.key", result.Message.Key);
            }
            """);
    }

    [Fact]
    public async Task An_amount_is_no_identifier_whatever_person_it_is_named_for()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record RepaymentProposal(string DepositId, decimal ToLandlord, decimal? RefundToCustomer, string LandlordName);

            class Deposits
            {
                void Propose(Activity activity, ILogger logger, RepaymentProposal proposal)
                {
                    activity.SetTag("deposit.to_landlord", proposal.ToLandlord);
                    activity.SetTag("deposit.refund", proposal.RefundToCustomer);
                    activity.SetTag("deposit.landlord", {|TC1001:proposal.LandlordName|});
                }
            }
            """);
    }

    [Fact]
    public async Task An_entry_picked_from_a_kept_dictionary_has_one_of_its_keys_and_a_count_is_no_identifier_under_any_key()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            class VisionScreening
            {
                private readonly Dictionary<string, decimal> _worstEyes = new();
                private readonly Dictionary<string, decimal> _worstSchools = new();
                private int _noMobileCount;

                public void Record(string upn, string school, decimal logMar, string? mobile)
                {
                    _worstEyes[upn] = logMar;
                    _worstSchools[school] = logMar;
                    if (mobile is null)
                    {
                        _noMobileCount++;
                    }
                }

                public void Summarise(Activity activity)
                {
                    activity.SetTag("screening.worst", {|TC1001:_worstEyes.OrderByDescending(e => e.Value).First().Key|});
                    activity.SetTag("screening.worst_pupil", {|TC1001:_worstEyes.MaxBy(e => e.Value).Key|});
                    activity.SetTag("screening.worst_school", _worstSchools.OrderByDescending(e => e.Value).First().Key);
                    activity.SetTag("screening.worst_value", _worstEyes.OrderByDescending(e => e.Value).First().Value);
                    activity.SetTag("recall.no_mobile", _noMobileCount);
                }
            }
            """);
    }

    [Fact]
    public async Task A_kept_dictionarys_values_are_what_its_type_puts_in_and_a_copy_of_its_entries_keeps_their_keys()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed record Referral(string HospitalNumber, string PatientName, string Ward);

            class Befriending
            {
                private readonly Dictionary<string, string> _waitingByHospitalNumber = new();
                private readonly Dictionary<string, string> _wardsByHospitalNumber = new();
                private readonly Dictionary<Guid, int> _streaks = new();

                public void Add(Referral referral, Guid playerId, int days)
                {
                    _waitingByHospitalNumber[referral.HospitalNumber] = referral.PatientName;
                    _wardsByHospitalNumber.TryAdd(referral.HospitalNumber, referral.Ward);
                    _streaks[playerId] = days;
                }

                public void Summarise(Activity activity)
                {
                    activity.SetTag("waiting.names", {|TC1001:string.Join(", ", _waitingByHospitalNumber.Values)|});
                    activity.SetTag("waiting.wards", string.Join(", ", _wardsByHospitalNumber.Values));
                    var top = _streaks.OrderByDescending(s => s.Value).Take(3).ToList();
                    activity.SetTag("streaks.longest", top.FirstOrDefault().Value);
                    activity.SetTag("streaks.top_players", string.Join(",", top.Select(t => {|TC1001:t.Key|})));
                }
            }
            """);
    }

    [Fact]
    public async Task A_local_declared_by_a_pattern_holds_what_the_pattern_matched()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record Report(string MeterSerial, string? Region, Visit Visit);
            record Visit(string Mrn, int Bed);

            class Outages
            {
                void Log(Activity activity, Report report)
                {
                    if (report.MeterSerial is { Length: > 0 } serial)
                    {
                        activity.SetTag("grid.outage.meter", {|TC1001:serial|});
                    }
                    if (report.Region is string region)
                    {
                        activity.SetTag("grid.outage.region", region);
                    }
                    if (report is { Visit: { Mrn: var mrn, Bed: var bed } })
                    {
                        activity.SetTag("ward.patient", {|TC1001:mrn|});
                        activity.SetTag("ward.bed", bed);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_record_deconstructed_gives_each_variable_its_own_member_and_a_mail_domain_taken_from_the_end_is_clean()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record Learner(string StudentNumber, string Name, int YearGroup);

            class Assessments
            {
                void Tag(Activity activity, Learner learner, string? clinicianEmail)
                {
                    var (number, _, yearGroup) = learner;
                    activity.SetTag("lms.learner.year_group", yearGroup);
                    activity.SetTag("lms.learner", {|TC1001:number|});
                    activity.SetTag("lab.clinician.email_domain", clinicianEmail?.Split('@')[^1]);
                    activity.SetTag("lab.clinician", {|TC1001:clinicianEmail|});
                }
            }
            """);
    }

    [Fact]
    public async Task The_callers_network_address_is_personal()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ServerCallContext { public string Peer { get; init; } = ""; public string Method { get; init; } = ""; }

            class Matchmaking
            {
                void Queue(Activity activity, ServerCallContext context)
                {
                    activity.SetTag("client.peer", {|TC1001:context.Peer|});
                    activity.SetTag("rpc.method", context.Method);
                }
            }
            """);
    }

    [Fact]
    public async Task A_collection_filled_by_its_initializer_holds_what_it_is_given_and_a_dictionarys_keys_what_it_is_keyed_by()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            record OutageReport(string AccountNumber, string Postcode);

            static class OutageTags
            {
                public static Dictionary<string, object?> For(OutageReport report, bool known) => new()
                {
                    ["grid.outage.known"] = known,
                    ["grid.outage.reporter"] = report.AccountNumber,
                };

                public static Dictionary<string, object?> Area(OutageReport report) => new() { ["grid.outage.area"] = report.Postcode.Length };
            }

            class Reminders
            {
                void Send(Activity activity, OutageReport report, IEnumerable<(string PatientMrn, string Error)> results)
                {
                    foreach (var (key, value) in OutageTags.For(report, true))
                    {
                        activity.SetTag(key, {|TC1001:value|});
                    }
                    foreach (var (key, value) in OutageTags.Area(report))
                    {
                        activity.SetTag(key, value);
                    }

                    var failures = new Dictionary<string, string>();
                    var errors = new Dictionary<string, int>();
                    foreach (var result in results)
                    {
                        failures[result.PatientMrn] = result.Error;
                        errors[result.Error] = 1;
                    }
                    activity.SetTag("clinic.reminder.failed_patients", {|TC1001:string.Join(",", failures.Keys)|});
                    activity.SetTag("clinic.reminder.errors", string.Join(",", errors.Keys));
                }
            }
            """);
    }

    [Fact]
    public async Task A_dictionary_handed_to_a_tagging_helper_is_judged_by_what_it_was_filled_with()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            static class ReturnTelemetry
            {
                public static void Enrich(Activity? activity, IReadOnlyDictionary<string, string?> context)
                {
                    foreach (var entry in context)
                    {
                        activity?.SetTag("retail.return." + entry.Key, {|TC1001:entry.Value|});
                    }
                }
            }

            class Returns
            {
                void Create(string orderId, string customerEmail)
                {
                    ReturnTelemetry.Enrich(Activity.Current, new Dictionary<string, string?> { ["order_id"] = orderId, ["customer_email"] = {|TC1001:customerEmail|} });
                    ReturnTelemetry.Enrich(Activity.Current, new Dictionary<string, string?> { ["order_id"] = orderId });
                }
            }
            """);
    }

    [Fact]
    public async Task An_extension_method_that_tags_the_activity_is_reported_in_itself_when_its_parameter_names_an_identifier_and_at_callers_that_hand_it_one()
    {
        // TagPassenger takes a passenger id by its name: the helper is where to take a Pseudonym
        // instead, once for all its callers, and each caller that hands it a raw id is told too; one
        // that hands it a pseudonym's value is not. WithTag takes any value: each caller decides what it sends.
        await VerifyCS.AnalyzerAsync(Usings + """
            static class JourneyTags
            {
                public static void TagPassenger(this Activity? activity, string passengerId) => activity?.SetTag("transport.passenger.id", {|TC1001:passengerId|});

                public static Activity? WithTag(this Activity? activity, string key, string value)
                {
                    activity?.SetTag(key, {|TC1001:value|});
                    return activity;
                }
            }

            record Journey(string PassengerId, string RouteId);
            record Reading(string MeterSerial, string FeederId);

            class Journeys
            {
                void Close(Activity? activity, Journey journey, Reading reading, Pseudonymizer pseudonymizer)
                {
                    activity.TagPassenger({|TC1001:journey.PassengerId|});
                    activity.TagPassenger(pseudonymizer.Pseudonymize("passenger", journey.PassengerId).Value);
                    activity.WithTag("energy.meter.serial", {|TC1001:reading.MeterSerial|});
                    activity.WithTag("energy.feeder", reading.FeederId);
                }
            }
            """);
    }

    [Fact]
    public async Task A_service_called_through_its_interface_is_judged_by_what_its_implementations_return()
    {
        // Injected as an interface: the implementations in the source say what the call returns.
        await VerifyCS.AnalyzerAsync(Usings + """
            interface IStudentPseudonyms { string TextFor(string studentNumber); }
            interface IStudentDirectory { string ContactFor(string studentNumber); }

            sealed class StudentPseudonyms(Pseudonymizer pseudonymizer) : IStudentPseudonyms
            {
                public string TextFor(string studentNumber) => pseudonymizer.Compute("student", studentNumber);
            }

            sealed class StudentDirectory : IStudentDirectory
            {
                private readonly Dictionary<string, string> _emails = new();
                public string ContactFor(string studentNumber) => _emails.TryGetValue(studentNumber, out var email) ? email : "";
            }

            class Appeals(IStudentPseudonyms pseudonyms, IStudentDirectory directory)
            {
                void Record(Activity? activity, string studentNumber)
                {
                    activity?.SetTag("coursework.student.ref", pseudonyms.TextFor(studentNumber));
                    activity?.SetTag("coursework.student.contact", {|TC1001:directory.ContactFor(studentNumber)|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_collection_keyed_by_an_identifier_prints_its_keys_and_a_projection_holds_what_its_selector_returns()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            record PartyMember(string Gamertag, int Skill);
            record PendingResult(string Mrn, string OrderId);
            record Booking(string RouteId);

            class Reports
            {
                private readonly Dictionary<string, Booking> _byPassenger = new();

                void Log(ILogger logger, Activity? activity, IReadOnlyList<PartyMember> members, IReadOnlyList<PendingResult> pending, List<string> passengerIds)
                {
                    logger.LogDebug("Roster {Roster}", {|TC1001:members.ToDictionary(m => m.Gamertag, m => m.Skill)|});
                    var byPatient = pending.GroupBy(r => r.Mrn).ToDictionary(g => g.Key, g => g.Count());
                    logger.LogInformation("Unsigned per patient {Counts}", {|TC1001:byPatient|});
                    logger.LogInformation("Patients {Patients}", byPatient.Count);
                    var byOrderCount = pending.GroupBy(r => r.OrderId).ToDictionary(g => g.Key, g => g.Count());
                    logger.LogInformation("Results per order {Counts}", byOrderCount);
                    var byOrder = pending.ToDictionary(r => r.OrderId, r => r.OrderId.Length);
                    logger.LogInformation("Orders {Orders}", byOrder);
                    activity?.SetTag("drt.routes", string.Join(",", passengerIds.Select(p => _byPassenger[p].RouteId)));
                    activity?.SetTag("drt.passengers", {|TC1001:string.Join(",", passengerIds.Select(p => p.Trim()))|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_parser_that_deconstructs_into_its_out_parameters_hands_back_the_value_it_names()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record ReadingBatch(string BatchId, string MeterSerial);

            static class ReadingKeys
            {
                public static bool TryParseSerial(string raw, out string serial, out string manufacturer)
                {
                    var parts = raw.Split(':', 2);
                    (manufacturer, serial) = parts.Length == 2 ? (parts[0], parts[1]) : ("unknown", raw);
                    return serial.Length > 0;
                }
            }

            class Handler
            {
                void Handle(Activity activity, ReadingBatch batch)
                {
                    if (ReadingKeys.TryParseSerial(batch.MeterSerial, out var serial, out var manufacturer))
                    {
                        activity.SetTag("grid.meter.manufacturer", manufacturer);
                        activity.SetTag("grid.meter.raw", {|TC1001:serial|});
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_object_serialised_to_json_into_a_tag_is_judged_by_its_members()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Text.Json;

            abstract record LobbyEvent(string LobbyId);
            record ChatReported(string LobbyId, string ReporterAccountId, string Reason) : LobbyEvent(LobbyId);
            record LobbyClosed(string LobbyId, int Players) : LobbyEvent(LobbyId);

            class Reports
            {
                void Record(Activity? activity, ILogger logger, ChatReported report, LobbyClosed closed, LobbyEvent lobbyEvent)
                {
                    activity?.SetTag("arena.report.payload", {|TC1001:JsonSerializer.Serialize(report)|});
                    activity?.SetTag("arena.lobby.payload", JsonSerializer.Serialize(closed));
                    activity?.SetTag("arena.report.reason", JsonSerializer.Serialize(report.Reason));
                    switch (lobbyEvent)
                    {
                        // The pattern's local is the derived record: judged by its own members.
                        case ChatReported reported:
                            logger.LogInformation("Report {Report}", {|TC1001:reported|});
                            break;
                        case LobbyClosed lobbyClosed:
                            logger.LogInformation("Closed {Closed}", lobbyClosed);
                            break;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_anonymous_object_is_judged_by_the_values_of_members_named_for_a_person()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record Adjustment(int Points, string Reason, string CardNumber);

            class Points
            {
                void Log(ILogger logger, Pseudonymizer pseudonymizer, Adjustment adjustment)
                {
                    var member = pseudonymizer.Pseudonymize("loyalty.member.id", adjustment.CardNumber);
                    logger.LogInformation("Adjustment {@Adjustment}", new { adjustment.Points, Member = member.Value });
                    logger.LogInformation("Adjustment {@Adjustment}", {|TC1001:new { adjustment.Points, Member = adjustment.CardNumber }|});
                    logger.LogInformation("Adjustment {@Adjustment}", {|TC1001:adjustment|});
                }
            }
            """);
    }

    [Fact]
    public async Task Names_people_are_known_by_are_identifiers_and_a_card_number_or_an_rfid_card_uid_is_its_holders()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record Student(string Upn, string Surname, string FirstName, int Year);
            record Candidate(string DisplayName, int ExtraMinutes);
            record Charge(string RfidUid, string CardNumber, string CardType, string Vin, string Login, int LoginAttempts, string RfidReaderName);

            class Roster
            {
                void Log(ILogger logger, Activity activity, Student student, Candidate candidate, Charge charge)
                {
                    logger.LogWarning("Could not enrol {Upn}", {|TC1001:student.Upn|});
                    logger.LogWarning("Enrolment of {Surname} failed", {|TC1001:student.Surname|});
                    logger.LogWarning("Enrolment of {First} failed", {|TC1001:student.FirstName|});
                    logger.LogInformation("Late submission by {Candidate}", {|TC1001:candidate.DisplayName|});
                    activity.SetTag("grid.charging.rfid", {|TC1001:charge.RfidUid|});
                    activity.SetTag("loyalty.card", {|TC1001:charge.CardNumber|});
                    activity.SetTag("grid.charging.vehicle", {|TC1001:charge.Vin|});
                    activity.SetTag("stream.device.login", {|TC1001:charge.Login|});

                    activity.SetTag("school.year", student.Year);
                    activity.SetTag("exam.extra_minutes", candidate.ExtraMinutes);
                    activity.SetTag("payment.card.type", charge.CardType);
                    activity.SetTag("auth.login_attempts", charge.LoginAttempts);
                    activity.SetTag("grid.charging.reader", charge.RfidReaderName);
                }
            }
            """);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Each_construction_of_a_generic_wrapper_is_judged_by_its_own_members_in_any_order(bool withIdentifierFirst)
    {
        // Seen on a real service: a command wrapper logged whole ({@Command}) around commands with and
        // without a user id. Which one was looked at first must not decide for the other.
        var create = """logger.LogInformation("Sending {@Command}", {|TC1001:new Identified<CreateOrder>(create, id)|});""";
        var cancel = """logger.LogInformation("Sending {@Command}", new Identified<CancelOrder>(cancel, id));""";
        await VerifyCS.AnalyzerAsync(Usings + $$"""
            class CreateOrder { public string UserId { get; set; } = ""; public int Items { get; set; } }
            class CancelOrder { public int OrderNumber { get; set; } }
            class Identified<T> { public Identified(T command, Guid id) { Command = command; Id = id; } public T Command { get; } public Guid Id { get; } }

            class Handler
            {
                void Send(ILogger logger, CreateOrder create, CancelOrder cancel, Guid id)
                {
                    {{(withIdentifierFirst ? create : cancel)}}
                    {{(withIdentifierFirst ? cancel : create)}}
                }
            }
            """);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Types_that_refer_to_each_other_are_judged_alike_in_any_order(bool bedFirst)
    {
        // Bed → Ward → Bed: whichever is searched first cuts the cycle; the other must not keep the
        // answer it had while the first was unfinished.
        var bed = """logger.LogInformation("Bed {@Bed}", {|TC1001:bed|});""";
        var ward = """logger.LogInformation("Ward {@Ward}", {|TC1001:ward|});""";
        await VerifyCS.AnalyzerAsync(Usings + $$"""
            class Ward { public Bed? Bed { get; set; } public string Name { get; set; } = ""; }
            class Bed { public Ward? Ward { get; set; } public string PatientId { get; set; } = ""; }

            class Rounds
            {
                void Log(ILogger logger, Bed bed, Ward ward)
                {
                    {{(bedFirst ? bed : ward)}}
                    {{(bedFirst ? ward : bed)}}
                }
            }
            """);
    }

    [Fact]
    public async Task Members_inherited_from_a_base_type_are_logged_with_the_object()
    {
        // Integration events that carry the user on their base type, as real services write them.
        await VerifyCS.AnalyzerAsync(Usings + """
            record IntegrationEvent(Guid Id);
            record UserEvent(Guid Id, string UserId) : IntegrationEvent(Id);
            record CheckoutAccepted(Guid Id, string UserId, int Items) : UserEvent(Id, UserId);
            record PriceChanged(Guid Id, int ProductId, decimal Price) : IntegrationEvent(Id);
            class Person { public string Email { get; set; } = ""; }
            class Account : Person { public string Plan { get; set; } = ""; }

            class Handler
            {
                void Handle(ILogger logger, CheckoutAccepted checkout, PriceChanged price, Account account)
                {
                    logger.LogInformation("Handling {@IntegrationEvent}", {|TC1001:checkout|});
                    logger.LogInformation("Handling {@IntegrationEvent}", price);
                    logger.LogInformation("Handling {@IntegrationEvent}", checkout with { UserId = "redacted" });
                    logger.LogInformation("Account {@Account}", {|TC1001:account|});
                }
            }
            """);
    }

    [Fact]
    public async Task The_signed_in_user_logged_whole_or_by_name_or_a_claim_printed_leaks_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;
            using System.Security.Claims;

            class AccountController
            {
                void SignedIn(ILogger logger, ClaimsPrincipal user)
                {
                    logger.LogInformation("User {@User} authenticated", {|TC1001:user|});
                    logger.LogInformation("Identity {@Identity}", {|TC1001:user.Identity as ClaimsIdentity|});
                    logger.LogInformation("Claims {@Claims}", {|TC1001:user.Claims.ToList()|});
                    logger.LogInformation("First claim {Claim}", {|TC1001:user.Claims.First()|});
                    logger.LogInformation("User {User} authenticated", user);
                    logger.LogInformation("Authenticated {Authenticated} with {Count} claims", user.Identity?.IsAuthenticated, user.Claims.Count());
                    logger.LogInformation("Signed in as {Name}", user.Identity?{|TC1001:.Name|});
                    logger.LogInformation("Signed in with {Scheme}", user.Identity?.AuthenticationType);
                    Activity.Current?.SetTag("enduser.id", {|TC1001:user.Identity!.Name|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_claim_read_by_a_personal_claim_type_is_an_identifier_and_a_role_or_scope_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;
            using System.Security.Claims;

            class Orders
            {
                void Placed(ILogger logger, ClaimsPrincipal user, ClaimsIdentity identity)
                {
                    Activity.Current?.SetTag("actor", {|TC1001:user.FindFirstValue(ClaimTypes.Email)|});
                    logger.LogInformation("Placed by {Actor}", user.FindFirst("sub")?{|TC1001:.Value|});
                    logger.LogInformation("Placed by {Actor}", {|TC1001:user.FindFirst(ClaimTypes.NameIdentifier)!.Value|});
                    logger.LogInformation("Placed by {Actor}", {|TC1001:user.Claims.First(c => c.Type == "preferred_username").Value|});
                    logger.LogInformation("Placed by {Actor}", user.Claims.Where(c => c.Type == "sub").FirstOrDefault()?{|TC1001:.Value|});
                    logger.LogInformation("Placed in {Tenant}", user.Claims.Where(c => c.Type == "tid").FirstOrDefault()?.Value);
                    logger.LogInformation("Placed by {Actor}", user.Claims.Where(c => c.Type == "email").Select(c => {|TC1001:c.Value|}).SingleOrDefault());
                    logger.LogInformation("Placed with {Stamp}", user.Claims.Where(c => c.Type == "security_stamp").Select(c => c.Value).SingleOrDefault());
                    logger.LogInformation("Placed by {Actor}", {|TC1001:identity.FindFirst(c => ClaimTypes.Upn == c.Type)!.Value|});
                    var actor = user.FindFirstValue(ClaimTypes.Name);
                    Activity.Current?.SetTag("actor", {|TC1001:actor|});

                    logger.LogInformation("Placed as {Role}", user.FindFirstValue(ClaimTypes.Role));
                    logger.LogInformation("Placed with {Scope}", user.FindFirst("scope")?.Value);
                    logger.LogInformation("Placed in {Tenant}", user.Claims.First(c => c.Type == "tid").Value);
                    var claimType = Pick();
                    logger.LogInformation("Placed with {Claim}", user.FindFirstValue(claimType));
                }

                static string Pick() => "amr";
            }

            namespace System.Security.Claims
            {
                // The shape of ASP.NET Core Identity's extension (Microsoft.Extensions.Identity.Core).
                public static class PrincipalExtensions
                {
                    public static string? FindFirstValue(this ClaimsPrincipal principal, string claimType) => principal.FindFirst(claimType)?.Value;
                }
            }
            """);
    }

    [Fact]
    public async Task A_pair_keeps_what_its_value_was_built_from_through_a_list_filled_elsewhere()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Profiles
            {
                private readonly List<KeyValuePair<string, object?>> _pending = new();
                private readonly List<KeyValuePair<string, object?>> _counts = new();

                void Loaded(string subscriberMsisdn, string plan, int devices)
                {
                    _pending.Add(new("plan", plan));
                    _pending.Add(KeyValuePair.Create<string, object?>("msisdn", subscriberMsisdn));
                    _counts.Add(new("devices", devices));
                }

                void Flush(Activity activity)
                {
                    foreach (var tag in _pending)
                    {
                        activity.SetTag(tag.Key, {|TC1001:tag.Value|});
                    }
                    foreach (var count in _counts)
                    {
                        activity.SetTag(count.Key, count.Value);
                        activity.SetTag("last.key", count.Key);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_member_read_through_a_null_conditional_is_named_with_its_receiver()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record Patient(string Mrn);
            record Visit(Patient? Patient);

            class Visits
            {
                void Log(ILogger logger, Visit? visit)
                {
                    logger.LogInformation("Seen {Who}", visit?.Patient?{|#0:.Mrn|});
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("visit?.Patient?.Mrn", "log value 'Who'", " without pseudonymisation"));
    }

    [Fact]
    public async Task A_record_logged_whole_leaks_its_identifier_unless_a_copy_replaced_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record Visit(string PatientId, string Ward, string? GuardianEmail = null);

            class Visits
            {
                void Log(ILogger logger, Visit visit, Pseudonymizer pseudonymizer)
                {
                    logger.LogInformation("Visit {@Visit}", {|TC1001:visit|});
                    logger.LogInformation("Visit {Visit}", {|TC1001:visit|});
                    logger.LogInformation("Visit {@Visit}", visit with { PatientId = "redacted", GuardianEmail = null });
                    var withoutContact = visit with { GuardianEmail = null };
                    logger.LogInformation("Visit {@Visit}", withoutContact with { PatientId = pseudonymizer.Compute("patient", visit.PatientId) });
                    logger.LogInformation("Visit {@Visit}", {|TC1001:withoutContact|});
                    logger.LogInformation("Ward {Ward}", visit.Ward);
                    logger.LogInformation("Visit {@Visit}", new { visit.Ward, Count = 3 });
                    logger.LogInformation("Visit {@Visit}", {|TC1001:new { visit.PatientId }|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_member_a_constructor_sets_holds_what_this_creation_passed_and_a_sql_statement_is_no_person_s_text()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Linq;
            using System.Text;

            public sealed class SqlStatement(string text, IReadOnlyList<object?> args)
            {
                public string Text { get; } = text;
                public IReadOnlyList<object?> Args { get; } = args;
            }

            public sealed class Builder
            {
                private readonly List<string> _clauses = new();
                private readonly List<object?> _args = new();
                public Builder And(string clause, object? value) { _clauses.Add(clause); _args.Add(value); return this; }
                public SqlStatement Build(string selectFrom)
                {
                    var text = new StringBuilder(selectFrom);
                    text.Append(" WHERE ").Append(string.Join(" AND ", _clauses));
                    return new SqlStatement(text.ToString(), _args.ToList());
                }
            }

            public sealed class Repo
            {
                public void Find(Activity activity, string nhsNumber)
                {
                    var legacy = new SqlStatement($"SELECT * FROM patients WHERE nhs = '{nhsNumber}'", new List<object?>());
                    activity.SetTag("legacy", {|TC1001:legacy.Text|});
                    var where = new Builder().And("nhs = @nhs", nhsNumber);
                    var statement = where.Build("SELECT * FROM patients");
                    activity.SetTag("db.query.text", statement.Text);
                }
            }
            """);
    }

    [Fact]
    public async Task A_record_printed_by_an_explicit_ToString_or_joined_into_text_leaks_its_members()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            record Ticket(Guid PlayerId, string Gamertag, string Queue);
            record Queue(string Name, int Waiting);
            class Lobby
            {
                public Guid PlayerId { get; set; }
                public string Name { get; set; } = "";
            }

            class Lobbies
            {
                void Log(Activity activity, ILogger logger, Ticket ticket, List<Ticket> tickets, List<Queue> queues, Lobby lobby, IFormatProvider culture)
                {
                    activity.SetTag("lobby.ticket", {|TC1001:ticket.ToString()|});
                    activity.SetTag("lobby.first", {|TC1001:tickets[0].ToString()|});
                    logger.LogDebug("Formed: {Tickets}", {|TC1001:string.Join("; ", tickets)|});
                    logger.LogDebug("Formed: {Tickets}", {|TC1001:new StringBuilder().AppendJoin(", ", tickets).ToString()|});
                    logger.LogDebug("Queues: {Queues}", string.Join("; ", queues));
                    logger.LogDebug("Queue: {Queue}", queues[0].ToString());
                    logger.LogDebug("Lobby: {Lobby}", lobby.ToString());
                    logger.LogDebug("Queues: {Queues}", string.Join("; ", tickets.Select(t => t.Queue)));
                }
            }
            """);
    }

    [Fact]
    public async Task Keyed_hashes_are_recognised_by_type_and_lookups_by_an_identifier_are_not_identifiers()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Lookups
            {
                private readonly Dictionary<string, string> _wardByMrn = new();

                void Record(Activity activity, byte[] key, string patientId, string mrn, string email)
                {
                    activity.SetTag("a.ref", Convert.ToHexString(new HMACSHA256(key).ComputeHash(Encoding.UTF8.GetBytes(patientId))));
                    activity.SetTag("a.ref2", Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(patientId))));
                    activity.SetTag("a.ward", _wardByMrn[mrn]);
                    activity.SetTag("a.mail_domain", email.Split('@')[1]);
                    activity.SetTag("a.mail", {|TC1001:email.Split('@')[0]|});
                    activity.SetTag("a.env", Environment.GetEnvironmentVariable("REGION"));
                }
            }
            """);
    }

    [Theory]
    [InlineData("patientId", true)]
    [InlineData("customerLoyaltyCardNumber", true)]
    [InlineData("nationalId", true)]
    [InlineData("guardianEmail", true)]
    [InlineData("parentPhone", true)]
    [InlineData("meterSerial", true)]
    [InlineData("emailTemplateId", false)]
    [InlineData("storageAccountName", false)]
    [InlineData("syntheticAccount", false)]
    [InlineData("canaryAccountId", false)]
    [InlineData("q", true)]
    [InlineData("searchText", true)]
    [InlineData("userAgent", false)]
    [InlineData("playerCount", false)]
    [InlineData("ratingByPlayer", false)]
    [InlineData("parentId", false)]
    [InlineData("meterName", false)]
    [InlineData("patientRecord", false)]
    [InlineData("medicalRecordNumber", true)]
    [InlineData("medical_record_no", true)]
    [InlineData("medicalRecord", false)]
    [InlineData("authenticatorCode", true)]
    [InlineData("emailVerificationCode", true)]
    [InlineData("verificationStatus", false)]
    [InlineData("otp", true)]
    [InlineData("otpLength", false)]
    [InlineData("otpRegistrationId", false)]
    [InlineData("totpCode", true)]
    [InlineData("challengeCode", true)]
    [InlineData("challengeId", false)]
    [InlineData("credentialId", true)]
    [InlineData("loginHint", true)]
    [InlineData("agentId", true)]
    [InlineData("supportAgentEmail", true)]
    [InlineData("buildAgentId", false)]
    [InlineData("agentTeam", false)]
    [InlineData("typedReason", true)]
    [InlineData("typedCode", false)]
    [InlineData("ucasPersonalId", true)]
    [InlineData("personalBest", false)]
    [InlineData("medicalCode", false)]
    [InlineData("medicalDeviceId", false)]
    [InlineData("vatNumber", true)]
    [InlineData("customerVatId", true)]
    [InlineData("vatRate", false)]
    [InlineData("vatAmount", false)]
    [InlineData("vatCode", false)]
    [InlineData("buyerId", true)]
    [InlineData("Buyerid", true)]
    [InlineData("userid", true)]
    [InlineData("CUSTOMERNO", true)]
    [InlineData("recipientEmail", true)]
    [InlineData("visitorCount", false)]
    [InlineData("buyerCountry", false)]
    [InlineData("paid", false)]
    [InlineData("android", false)]
    [InlineData("checkpoint", false)]
    public void Names_are_judged_by_their_head(string name, bool isIdentifier) =>
        Assert.Equal(isIdentifier, TelemetryOptions.Default.IsIdentifierName(NameWords.Split(name), out _));

    [Fact]
    public async Task A_primary_constructor_parameter_captured_by_members_holds_what_its_creations_pass()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            sealed class Patient { public string Mrn { get; init; } = ""; public string Ward { get; init; } = ""; }

            sealed class VisitTracer(ActivitySource source, string subject)
            {
                public void Trace()
                {
                    using var activity = source.StartActivity("visit");
                    activity?.SetTag("visit.subject", {|TC1001:subject|});
                }
            }

            sealed class WardTracer(ActivitySource source, string subject)
            {
                private readonly string _label = subject;

                public void Trace()
                {
                    using var activity = source.StartActivity("ward");
                    activity?.SetTag("ward.subject", subject);
                    activity?.SetTag("ward.label", _label);
                }
            }

            static class Visits
            {
                public static void Run(ActivitySource source, Patient patient)
                {
                    new VisitTracer(source, {|TC1001:patient.Mrn|}).Trace();
                    VisitTracer typed = new(source, "walk-in");
                    typed.Trace();
                    new WardTracer(source, patient.Ward).Trace();
                }
            }
            """);
    }

    [Fact]
    public async Task A_dictionarys_pairs_filtered_or_sorted_are_still_its_pairs()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            static class CacheKeys
            {
                public static string For(string report, IReadOnlyDictionary<string, string> parameters) =>
                    report + "?" + string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            }

            class Reports
            {
                private static readonly HashSet<string> Safe = new() { "Term" };

                void Render(string studentNumber, string term, Dictionary<string, int> visitsByPatient, Activity span)
                {
                    var values = new Dictionary<string, string> { ["StudentNumber"] = studentNumber, ["Term"] = term };
                    span.SetTag("report.cache_key", {|TC1001:CacheKeys.For("attainment", values)|});
                    span.SetTag("report.values", string.Join("&", values.OrderByDescending(p => p.Key).Take(2).Select(p => {|TC1001:p.Value|})));
                    // A filter may be an allow list: not read.
                    span.SetTag("report.safe", string.Join("&", values.Where(p => Safe.Contains(p.Key)).Select(p => p.Value)));
                    span.SetTag("report.names", string.Join("&", values.OrderBy(p => p.Key).Select(p => p.Key)));

                    // The visits, sorted, are counts: the patients are only the keys.
                    span.SetTag("report.visits", string.Join(",", visitsByPatient.OrderByDescending(p => p.Value).Select(p => p.Value)));
                }
            }
            """);
    }

    [Fact]
    public async Task A_dictionarys_values_are_judged_apart_from_its_keys_and_a_key_built_from_an_identifier_leaks()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            sealed record Tap(string CardNumber, string Zone);

            class TapAudit
            {
                void Summarise(List<Tap> taps, Activity activity)
                {
                    var perCard = taps.GroupBy(t => t.CardNumber).ToDictionary(g => g.Key, g => g.Count());
                    foreach (var (card, count) in perCard.OrderByDescending(p => p.Value).Take(5))
                    {
                        activity.SetTag($"taps.top.{card[^4..]}", count);
                        activity.SetTag({|TC1001:$"taps.top.{card}"|}, count);
                    }
                    foreach (var pair in perCard)
                    {
                        activity.SetTag("taps.count", pair.Value);
                        activity.SetTag("taps.card", {|TC1001:pair.Key|});
                    }
                    var firstSeen = taps.ToDictionary(t => t.Zone, t => t.CardNumber);
                    foreach (var (zone, card) in firstSeen)
                    {
                        activity.SetTag("taps.zone", zone);
                        activity.SetTag("taps.first_card", {|TC1001:card|});
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_value_read_by_a_key_that_names_an_identifier_is_one()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Configuration;

            class Intake
            {
                void Admitted(HttpRequest request, ISession session, IDictionary<string, object?> items, Dictionary<string, int> sentBy,
                              IConfiguration configuration, TenantSettings settings, CsvRow row, FormSubmission form, ILogger logger, Activity activity)
                {
                    activity.SetTag("intake.patient", {|TC1001:request.Headers["X-Patient-Id"].ToString()|});
                    activity.SetTag("intake.contact", {|TC1001:request.Query["email"].ToString()|});
                    activity.SetTag("intake.user", {|TC1001:items["UserId"]|});
                    activity.SetTag("intake.member", {|TC1001:session.GetString("memberNumber")|});
                    activity.SetTag("intake.manager", {|TC1001:settings.Get("travel.manager_email")|});
                    activity.SetTag("intake.row_email", {|TC1001:row.GetField("Email")|});
                    activity.SetTag("intake.dob", {|TC1001:form.Answer("fld_dob")|});
                    if (request.Query.TryGetValue("guardianPhone", out var found))
                    {
                        activity.SetTag("intake.guardian", {|TC1001:found.ToString()|});
                    }
                    logger.LogInformation("Admitted {Patient}", {|TC1001:request.Headers["X-Patient-Id"]|});

                    // Keys that name no person, counts kept under a channel's name, and the service's settings.
                    activity.SetTag("intake.correlation", request.Headers["X-Correlation-Id"].ToString());
                    activity.SetTag("intake.agent", request.Headers["User-Agent"].ToString());
                    activity.SetTag("intake.by_email", sentBy["email"]);
                    activity.SetTag("intake.sender", configuration["Smtp:SenderEmail"]);
                    activity.SetTag("intake.template", settings.Get("travel.email_template_id"));
                    activity.SetTag("intake.sftp", settings.Get("delivery.sftp_host"));
                    activity.SetTag("intake.fallback", settings.Get("contact_email", "none"));
                    activity.SetTag("intake.row_course", row.GetField("Course"));
                    activity.SetTag("intake.rating", form.Answer("fld_rating"));
                    if (request.Query.TryGetValue("ward", out var ward))
                    {
                        activity.SetTag("intake.ward", ward.ToString());
                    }
                }
            }

            // A tenant's settings and a CSV reader's row, read by a key that is the getter's one argument.
            sealed class TenantSettings
            {
                private readonly Dictionary<string, string> _values = new();
                public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;
                public string Get(string key, string fallback) => Get(key) ?? fallback;
            }

            sealed class CsvRow
            {
                public string? GetField(string name) => null;
            }

            // A form builder's submission: answers by field id.
            sealed class FormSubmission
            {
                public string? Answer(string fieldId) => null;
            }

            // The shapes of ASP.NET Core's request types (Microsoft.AspNetCore.Http, Microsoft.Extensions.Primitives).
            namespace Microsoft.Extensions.Primitives
            {
                public readonly struct StringValues : IEnumerable<string?>
                {
                    public static implicit operator string?(StringValues values) => null;
                    public static implicit operator string?[]?(StringValues values) => null;
                    public IEnumerator<string?> GetEnumerator() => throw new NotImplementedException();
                    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
                }
            }

            namespace Microsoft.AspNetCore.Http
            {
                using Microsoft.Extensions.Primitives;
                public interface IHeaderDictionary : IDictionary<string, StringValues> { }
                public interface IQueryCollection
                {
                    StringValues this[string key] { get; }
                    bool TryGetValue(string key, out StringValues value);
                }
                public abstract class HttpRequest
                {
                    public abstract IHeaderDictionary Headers { get; }
                    public abstract IQueryCollection Query { get; }
                }
                public interface ISession { }
                public static class SessionExtensions
                {
                    public static string? GetString(this ISession session, string key) => null;
                }
            }

            namespace Microsoft.Extensions.Configuration
            {
                public interface IConfiguration
                {
                    string? this[string key] { get; }
                }
            }
            """);
    }

    [Fact]
    public async Task An_object_built_here_is_judged_by_what_it_is_given_when_no_member_is_named_for_an_identifier()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public record PlayerKicked(string MatchId, string KickedBy, int Round);
            public sealed class Handover { public string Ward { get; set; } = ""; public string ReceivedFrom { get; set; } = ""; }

            class Lobby
            {
                void Kicked(ILogger logger, Pseudonymizer pseudonymizer, string matchId, string accountId)
                {
                    var kicked = new PlayerKicked(matchId, accountId, 3);
                    logger.LogInformation("Kicked {Event}", {|TC1001:kicked|});
                    logger.LogInformation("Kicked {@Event}", {|TC1001:new PlayerKicked(matchId, KickedBy: accountId, Round: 3)|});
                    logger.LogInformation("Ward {@Handover}", {|TC1001:new Handover { Ward = "4B", ReceivedFrom = accountId }|});

                    // Given nothing of a person: a constant, a match id, a pseudonym's text.
                    logger.LogInformation("Kicked {Event}", new PlayerKicked(matchId, "moderator", 3));
                    logger.LogInformation("Kicked {@Event}", new PlayerKicked(matchId, pseudonymizer.Compute("account", accountId), 3));
                    logger.LogInformation("Ward {@Handover}", new Handover { Ward = matchId, ReceivedFrom = "night shift" });
                    // Printed without {@…}, a class shows its type name, not what it was given.
                    logger.LogInformation("Ward {Handover}", new Handover { ReceivedFrom = accountId });
                }
            }
            """);
    }

    [Fact]
    public async Task An_object_built_here_whose_identifier_member_is_given_a_pseudonym_or_a_constant_is_clean()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public record VisitBooked(string PatientId, string Ward);
            public sealed class Referral { public string PatientId { get; set; } = ""; public string Clinic { get; set; } = ""; }

            class Bookings
            {
                void Booked(ILogger logger, Pseudonymizer pseudonymizer, string patientId, string ward)
                {
                    logger.LogInformation("Booked {Event}", new VisitBooked(pseudonymizer.Compute("patient", patientId), ward));
                    logger.LogInformation("Booked {Event}", new VisitBooked("walk-in", ward));
                    logger.LogInformation("Referred {@Referral}", new Referral { PatientId = pseudonymizer.Compute("patient", patientId), Clinic = ward });
                    logger.LogInformation("Booked {Event}", {|TC1001:new VisitBooked(patientId, ward)|});
                }
            }
            """);
    }

    [Fact]
    public async Task The_keys_of_a_dictionary_kept_in_a_field_are_what_the_types_code_puts_in()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Collections.Concurrent;

            class Presence
            {
                private readonly ConcurrentDictionary<string, DateTime> _online = new();
                private readonly Dictionary<string, int> _byRegion = new();
                private readonly Dictionary<string, decimal> _memo = new();

                public void Connected(string playerId, string region)
                {
                    _online[playerId] = DateTime.UtcNow;
                    _byRegion[region] = _byRegion.TryGetValue(region, out var n) ? n + 1 : 1;
                }

                public decimal Quote(string accountNumber) => _memo.GetOrAdd(accountNumber, 12m);

                public void Report(ILogger logger)
                {
                    logger.LogDebug("Online players: {Players}", {|TC1001:_online.Keys|});
                    logger.LogDebug("Memoized: {Accounts}", {|TC1001:string.Join(",", _memo.Keys)|});
                    logger.LogDebug("Regions: {Regions}", string.Join(",", _byRegion.Keys));
                    logger.LogDebug("Online: {Count}", _online.Count);
                }
            }

            static class MemoExtensions
            {
                public static TValue GetOrAdd<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key, TValue value) where TKey : notnull
                {
                    if (!dictionary.TryGetValue(key, out var held))
                    {
                        dictionary[key] = held = value;
                    }
                    return held;
                }
            }
            """);
    }

    [Fact]
    public async Task The_key_of_an_entry_enumerated_from_a_dictionary_is_one_of_its_keys()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            class CapTracker
            {
                private readonly Dictionary<string, decimal> _chargedToday = new();
                private readonly Dictionary<string, decimal> _byZone = new();

                public void Charge(string cardNumber, string zone, decimal fare)
                {
                    _chargedToday[cardNumber] = fare;
                    _byZone[zone] = fare;
                }

                public void Reset(ILogger logger)
                {
                    var capped = new List<string>();
                    foreach (KeyValuePair<string, decimal> pair in _chargedToday)
                    {
                        if (pair.Value > 8m)
                        {
                            capped.Add(pair.Key);
                        }
                        logger.LogDebug("Charged {Fare}", pair.Value);
                    }
                    logger.LogDebug("Capped cards: " + {|TC1001:string.Join(", ", capped.ToArray())|});
                    foreach (var (entry, fare) in _chargedToday)
                    {
                        logger.LogDebug("Card {Card} paid {Fare}", {|TC1001:entry|}, fare);
                    }
                    foreach (var (zone, fare) in _byZone)
                    {
                        logger.LogDebug("Zone {Zone} took {Fare}", zone, fare);
                    }
                    foreach (var pair in _byZone)
                    {
                        logger.LogDebug("Zone {Zone}", pair.Key);
                    }
                }

                public void Query(ILogger logger)
                {
                    logger.LogInformation("Repeat: {Repeats}", {|TC1001:_chargedToday.Where(p => p.Value > 8m).ToDictionary(p => p.Key, p => p.Value)|});
                    logger.LogInformation("Capped: {Cards}", string.Join(",", _chargedToday.OrderBy(p => p.Value).Select(p => {|TC1001:p.Key|})));
                    logger.LogInformation("Zones: {Zones}", string.Join(",", _byZone.Select(p => p.Key)));
                    logger.LogInformation("Fares: {Fares}", string.Join(",", _chargedToday.Select(p => p.Value)));
                }

                public void Local(ILogger logger, IEnumerable<(string CardNumber, int Taps)> taps)
                {
                    var counts = new Dictionary<string, int>();
                    foreach (var tap in taps)
                    {
                        counts[tap.CardNumber] = tap.Taps;
                    }
                    foreach (var kv in counts)
                    {
                        Activity.Current?.SetTag("card", {|TC1001:kv.Key|});
                        Activity.Current?.SetTag("taps", kv.Value);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_helper_that_sends_a_member_of_its_parameter_makes_each_call_a_sink_judged_by_what_the_caller_hands_over()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public interface IAlert { string Subject { get; } }
            public sealed record MissedDose(string HospitalNumber, string Drug) : IAlert { public string Subject => HospitalNumber; }
            public sealed record FridgeAlarm(string FridgeId, decimal Celsius) : IAlert { public string Subject => FridgeId; }
            public interface ICommand<TSelf> where TSelf : ICommand<TSelf> { static abstract string Operation { get; } string AccountNumber { get; } }
            public sealed record SwitchTariff(string AccountNumber, string Region) : ICommand<SwitchTariff> { public static string Operation => "switch"; }
            public sealed record Vehicle(string Plate, string Colour);

            static class Helpers
            {
                public static void Raise<T>(T alert) where T : IAlert =>
                    Activity.Current?.AddEvent(new ActivityEvent("alert", tags: new ActivityTagsCollection { ["alert.subject"] = alert.Subject }));

                public static void Trace<T>(T command) where T : ICommand<T> =>
                    Activity.Current?.SetTag("account", {|TC1001:command.AccountNumber|});

                public static void TagVehicle(this Activity activity, Vehicle vehicle) =>
                    activity.SetTag("vehicle", $"{vehicle.Colour} car");
            }

            class Rounds
            {
                void Run(Pseudonymizer pseudonymizer, string hospitalNumber, SwitchTariff request, Vehicle vehicle)
                {
                    Helpers.Raise(new MissedDose({|TC1001:hospitalNumber|}, "amoxicillin"));
                    Helpers.Raise(new FridgeAlarm("fridge-3", 9.5m));
                    Helpers.Trace({|TC1001:request|});
                    Helpers.Trace(request with { AccountNumber = pseudonymizer.Compute("account", request.AccountNumber) });
                    Activity.Current!.TagVehicle(vehicle);
                }
            }
            """);
    }

    [Fact]
    public async Task An_address_built_from_an_identifier_carries_it_in_its_text_but_not_in_its_host_or_path()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Chargeback(string CaseId, Guid PlayerId);
            public sealed record ScreenPop(string CallSid, Uri Url);

            class Dialler
            {
                void Call(ILogger logger, Chargeback chargeback, string applicantId, string caseId)
                {
                    var twimlUrl = new Uri($"https://voice.example/outreach?case={chargeback.CaseId}&player={chargeback.PlayerId}");
                    Activity.Current?.SetTag("outreach.url", {|TC1001:twimlUrl.ToString()|});
                    Activity.Current?.SetTag("outreach.url", {|TC1001:twimlUrl.AbsoluteUri|});
                    logger.LogInformation("Calling back through {Url}", {|TC1001:twimlUrl|});
                    Activity.Current?.SetTag("outreach.host", twimlUrl.Host);
                    Activity.Current?.SetTag("outreach.path", twimlUrl.AbsolutePath);
                    var pop = new ScreenPop("CA01", new Uri(new Uri("https://crm.example/"), $"applicants/{applicantId}"));
                    logger.LogInformation("Popped {Url}", {|TC1001:pop.Url|});
                    var status = new Uri($"https://voice.example/status?case={caseId}");
                    Activity.Current?.SetTag("outreach.status_url", status.ToString());
                }
            }
            """);
    }

    [Fact]
    public async Task A_link_built_with_a_uri_builder_holds_what_its_path_query_and_user_parts_were_given()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Report(string Term, string StudentNumber, string GuardianEmail);

            class PortalLinks
            {
                void Publish(ILogger logger, Report report, string orderId, string gamertag)
                {
                    var builder = new UriBuilder("https://portal.example")
                    {
                        Path = $"/reports/{report.Term}/{report.StudentNumber}",
                        Query = "guardian=" + Uri.EscapeDataString(report.GuardianEmail),
                    };
                    var link = builder.Uri;
                    Activity.Current?.SetTag("portal.link", {|TC1001:link.ToString()|});
                    Activity.Current?.SetTag("portal.host", link.Host);
                    Activity.Current?.SetTag("portal.builder", {|TC1001:builder.ToString()|});
                    Activity.Current?.SetTag("portal.builder_host", builder.Host);

                    var share = new UriBuilder("https", "play.example") { Path = $"recap/{orderId}", Query = "by=" + gamertag }.Uri;
                    logger.LogInformation("Share link {Link}", {|TC1001:share|});
                    var campaign = new UriBuilder("https", "play.example") { Path = $"recap/{orderId}", Query = "utm_source=guild" }.Uri;
                    logger.LogInformation("Campaign link {Link}", campaign);

                    var later = new UriBuilder("https://shop.example/track");
                    later.Query = $"order={orderId}";
                    later.Fragment = gamertag;
                    Activity.Current?.SetTag("shop.track", {|TC1001:later.Uri.AbsoluteUri|});
                    var plain = new UriBuilder("https://shop.example/track");
                    plain.Query = $"order={orderId}";
                    plain.Port = 8443;
                    Activity.Current?.SetTag("shop.track", plain.Uri.AbsoluteUri);
                }
            }
            """);
    }

    [Fact]
    public async Task Collection_expressions_spreads_params_spans_and_an_array_handed_as_the_params_array_hold_their_elements()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed record Row(string StudentNumber, int Score, string CourseCode);

            class Notices(ILogger logger)
            {
                static void TagRecipients(Activity? activity, params ReadOnlySpan<string> values) => activity?.SetTag("notice.recipients", {|TC1001:string.Join(",", values.ToArray())|});

                static void TagCodes(Activity? activity, params ReadOnlySpan<string> codes) => activity?.SetTag("notice.codes", string.Join(",", codes.ToArray()));

                void Send(Activity activity, List<Row> rows, string guardianEmail, string parentEmail)
                {
                    string[] failing = [.. rows.Where(r => r.Score < 40).Select(r => r.StudentNumber)];
                    activity.SetTag("grades.failing", {|TC1001:string.Join(",", failing)|});
                    List<string> codes = [.. rows.Select(r => r.CourseCode), "extra"];
                    activity.SetTag("grades.codes", string.Join(",", codes));
                    TagRecipients(activity, {|TC1001:guardianEmail|}, parentEmail);
                    TagCodes(activity, "MATH", "ENG");
                    string[] recipients = [guardianEmail, "office@school.example"];
                    logger.LogInformation("To {Recipients}", {|TC1001:recipients|});
                    string[] subjects = ["maths", "english"];
                    logger.LogInformation("Subjects {First} and {Second}", subjects);
                }
            }
            """);
    }

    [Fact]
    public async Task A_method_group_projection_holds_its_elements_only_when_it_returns_something_built_from_them()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            class Notices(ILogger logger, Pseudonymizer pseudonymizer)
            {
                static string MailDomain(string email) => email.Substring(email.IndexOf('@') + 1);

                static string Normalise(string email) => email.Trim().ToLowerInvariant();

                string Reference(string email) => pseudonymizer.Compute("guardian", email);

                void Send(Activity activity, List<string> guardianEmails)
                {
                    activity.SetTag("notice.domains", string.Join(",", guardianEmails.Select(MailDomain)));
                    activity.SetTag("notice.refs", string.Join(",", guardianEmails.Select(Reference)));
                    activity.SetTag("notice.computed", string.Join(",", guardianEmails.Select(e => pseudonymizer.Compute("guardian", e))));
                    activity.SetTag("notice.normalised", {|TC1001:string.Join(",", guardianEmails.Select(Normalise))|});
                    string[] domains = [.. guardianEmails.Select(MailDomain)];
                    logger.LogInformation("Domains {Domains}", domains);
                }
            }
            """);
    }

    [Fact]
    public async Task A_delegate_called_with_an_identifier_returns_what_its_lambda_builds_from_it_and_a_deconstruction_writes_fields()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Request(string SubscriberEmail, string TitleId);

            class Rules(ILogger logger)
            {
                private static readonly Func<Request, string> EmailOf = static r => r.SubscriberEmail;
                private static readonly Func<Request, string> TitleOf = static r => r.TitleId;
                private static readonly Func<string, string> Echo = static s => s.Trim();
                private static readonly Func<string, int> LengthOf = static s => s.Length;
                private string? _lastMeter;
                private string? _lastTitle;

                void Check(Request request, string meterSerial)
                {
                    logger.LogDebug("Email {Email}", {|TC1001:EmailOf(request)|});
                    logger.LogDebug("Title {Title}", TitleOf(request));
                    logger.LogDebug("Echo {Value}", {|TC1001:Echo(meterSerial)|});
                    logger.LogDebug("Echo {Value}", Echo(request.TitleId));
                    logger.LogDebug("Length {Value}", LengthOf(meterSerial));
                    Func<string, string> shout = s => s.ToUpperInvariant();
                    logger.LogDebug("Local {Value}", {|TC1001:shout(meterSerial)|});
                    (_lastMeter, _lastTitle) = (meterSerial, request.TitleId);
                }

                void Later()
                {
                    logger.LogDebug("Last {Meter}", {|TC1001:_lastMeter|});
                    logger.LogDebug("Last {Title}", _lastTitle);
                }
            }
            """);
    }

    [Fact]
    public async Task A_column_read_by_position_is_named_by_the_query_the_reader_was_opened_with()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Data.Common;

            class SupplyPoints
            {
                void Load(DbConnection connection, Activity activity, ILogger logger)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT sp.MPAN, m.SERIAL, sp.TARIFF_CODE, COUNT(*) AS READS FROM SUPPLY_POINT sp JOIN METER m ON m.SUPPLY_POINT_ID = sp.ID GROUP BY sp.MPAN, m.SERIAL, sp.TARIFF_CODE";
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        activity.SetTag("supply.mpan", {|TC1001:reader.GetString(0)|});
                        logger.LogWarning("Meter {Serial}", {|TC1001:reader.GetString(1)|});
                        activity.SetTag("supply.tariff", reader.GetString(2));
                        activity.SetTag("supply.reads", reader.GetInt32(3));
                        logger.LogDebug("Meter {Serial}", {|TC1001:reader[1]|});
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Text_the_method_reads_as_a_type_with_an_identifier_member_holds_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Text.Json;

            public sealed record BounceWebhook(string Email, string Reason);
            public sealed record DeliveryWebhook(string MessageId, string Status);
            public sealed class WebhookRequest { public string Body { get; set; } = ""; }

            class Webhooks
            {
                void Bounced(WebhookRequest request, ILogger logger)
                {
                    var bounce = JsonSerializer.Deserialize<BounceWebhook>(request.Body)!;
                    logger.LogDebug("Webhook payload {Payload}", {|TC1001:request.Body|});
                    logger.LogDebug("Bounce reason {Reason}", bounce.Reason);
                }

                void Delivered(WebhookRequest request, ILogger logger)
                {
                    var delivery = JsonSerializer.Deserialize<DeliveryWebhook>(request.Body)!;
                    logger.LogDebug("Webhook payload {Payload}", request.Body);
                }

                void Queued(string json, ILogger logger)
                {
                    var bounce = JsonSerializer.Deserialize<List<BounceWebhook>>(json);
                    logger.LogWarning("Unreadable batch {Json}", {|TC1001:json|});
                }

                void Dequeued(QueuedMessage message, byte[] raw, ILogger logger)
                {
                    var bounce = JsonSerializer.Deserialize<BounceWebhook>(message.Body.ToString());
                    logger.LogWarning("Unreadable message {Body}", {|TC1001:message.Body|});
                    var again = JsonSerializer.Deserialize<BounceWebhook>(Encoding.UTF8.GetString(raw));
                    logger.LogWarning("Unreadable bytes {Raw}", {|TC1001:raw|});
                }
            }

            public sealed class BinaryData
            {
                public override string ToString() => "";
            }

            public sealed class QueuedMessage
            {
                public BinaryData Body { get; set; } = new();
            }
            """);
    }

    [Fact]
    public async Task A_member_read_by_reflection_may_be_any_member_of_the_object_the_identifier_among_them()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed record Demographics(string NhsNumber, string Language);
            public sealed record Ward(string Code, int Beds);

            static class PropertyDump
            {
                public static string Describe(object value) =>
                    string.Join(", ", value.GetType().GetProperties().Select(p => $"{p.Name}={p.GetValue(value)}"));
            }

            class Audits
            {
                void Changed(ILogger logger, Demographics before, Demographics after)
                {
                    foreach (var property in typeof(Demographics).GetProperties())
                    {
                        var old = property.GetValue(before);
                        logger.LogDebug("{Member} was {Before}", property.Name, {|TC1001:old|});
                    }
                    logger.LogTrace("After update: {State}", {|TC1001:PropertyDump.Describe(after)|});
                }

                void Counted(ILogger logger, Ward ward)
                {
                    foreach (var property in typeof(Ward).GetProperties())
                    {
                        logger.LogDebug("{Member} is {Value}", property.Name, property.GetValue(ward));
                    }
                    logger.LogTrace("Ward: {State}", PropertyDump.Describe(ward));
                }
            }
            """);
    }

    [Fact]
    public async Task A_member_read_from_an_object_built_in_the_method_is_what_its_initializer_set()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Envelope { public string Subject { get; set; } = ""; }

            class Envelopes
            {
                void Consent(ILogger logger, string patientName)
                {
                    var envelope = new Envelope { Subject = $"Consent form for {patientName}" };
                    logger.LogInformation("Sending {Subject}", {|TC1001:envelope.Subject|});
                }

                void Contract(ILogger logger, string tariffCode)
                {
                    var envelope = new Envelope { Subject = $"Your {tariffCode} supply contract" };
                    logger.LogInformation("Sending {Subject}", envelope.Subject);
                }

                void Renamed(ILogger logger, string tariffCode, string patientName)
                {
                    var envelope = new Envelope { Subject = $"Your {tariffCode} supply contract" };
                    envelope.Subject = $"Consent form for {patientName}";
                    logger.LogInformation("Sending {Subject}", {|TC1001:envelope.Subject|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_refused_recipients_exception_quotes_the_address_the_message_was_sent_to()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Invitations
            {
                async Task Send(SmtpClient smtp, ILogger logger, string guardianEmail, string courseCode)
                {
                    using var message = new MailMessage("school@example.org", guardianEmail, "Parents' evening", courseCode);
                    try
                    {
                        await smtp.SendMailAsync(message);
                    }
                    catch (SmtpFailedRecipientException ex)
                    {
                        logger.LogWarning({|TC1001:ex|}, "Invitation for {Course} refused", courseCode);
                    }
                }

                async Task Broadcast(SmtpClient smtp, ILogger logger, string courseCode)
                {
                    using var message = new MailMessage("school@example.org", "parents@example.org", "Parents' evening", courseCode);
                    try
                    {
                        await smtp.SendMailAsync(message);
                    }
                    catch (SmtpFailedRecipientException ex)
                    {
                        logger.LogWarning(ex, "Broadcast for {Course} refused", courseCode);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_union_base_prints_what_its_cases_print_and_a_generic_wrapper_prints_what_it_wraps()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public abstract record SwitchOutcome
            {
                public sealed record Switched(string AccountNumber, string Tariff) : SwitchOutcome;
                public sealed record Declined(string Reason) : SwitchOutcome;
            }

            public abstract record FareRule;
            public sealed record Peak(string Zone) : FareRule;
            public sealed record OffPeak(string Zone, int Discount) : FareRule;

            public readonly struct Result<T, TError>
            {
                private readonly T? _value;
                private readonly TError? _error;
                public Result(T? value, TError? error) { _value = value; _error = error; }
                public bool IsSuccess => _error is null;
                public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({_error})";
            }

            public sealed record Enrolment(string EnrolmentId, string StudentNumber);
            public sealed record Course(string Code, int Places);

            class Switching(ILogger logger)
            {
                void Report(SwitchOutcome outcome, FareRule rule, Result<Enrolment, string> enrolled, Result<Course, string> course)
                {
                    logger.LogInformation("Switch finished: {Outcome}", {|TC1001:outcome|});
                    logger.LogInformation("Fare rule {Rule}", rule);
                    logger.LogInformation("Enrolled: {Result}", {|TC1001:enrolled|});
                    Activity.Current?.SetTag("enrolment.result", {|TC1001:enrolled.ToString()|});
                    logger.LogInformation("Course: {Result}", course);
                }
            }
            """);
    }

    [Fact]
    public async Task A_value_of_a_constrained_type_parameter_prints_what_the_sources_implementations_print()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public interface IRequest<TResponse> { }
            public interface ICacheableQuery { string Region { get; } string CacheKey { get; } }
            public interface IShardedQuery { string ShardKey { get; } }

            public sealed record CreateReferral(string NhsNumber, string Specialty) : IRequest<Guid>;
            public sealed record GetClinics(string Region) : IRequest<int>, ICacheableQuery
            {
                public string CacheKey => $"clinics:{Region}";
            }
            public sealed record GetBills(string AccountNumber, int Page, string Region) : IRequest<int>, ICacheableQuery
            {
                public string CacheKey => $"bills:{AccountNumber}:{Page}";
            }
            public sealed record GetTariffs(string Region) : IRequest<int>, IShardedQuery
            {
                public string ShardKey => Region.ToUpperInvariant();
            }

            class LoggingBehaviour<TRequest, TResponse>(ILogger logger) where TRequest : IRequest<TResponse>
            {
                void Handle(TRequest request) => logger.LogInformation("Handling {Request}", {|TC1001:request|});
            }

            class CachingBehaviour<TRequest>(ILogger logger) : MediatR.IPipelineBehavior<TRequest, int> where TRequest : ICacheableQuery
            {
                public void Handle(TRequest request)
                {
                    logger.LogInformation("Caching {Request}", {|TC1001:request|});
                    logger.LogInformation("Cache key {Key}", {|TC1001:request.CacheKey|});
                    logger.LogInformation("Region {Region}", request.Region);
                }

                void Shard(IShardedQuery query) => logger.LogInformation("Shard {Shard}", query.ShardKey);
            }

            class Unconstrained<T>(ILogger logger)
            {
                void Handle(T value) => logger.LogInformation("Value {Value}", value);
            }

            // Registered open, a MediatR behaviour runs for every request the source sends.
            class RequestLogging<TRequest, TResponse>(ILogger logger) : MediatR.IPipelineBehavior<TRequest, TResponse> where TRequest : notnull
            {
                public void Handle(TRequest request) => logger.LogInformation("Handling {Request}", {|TC1001:request|});
            }

            class ClinicLogging<TRequest, TResponse>(ILogger logger) : MediatR.IPipelineBehavior<TRequest, TResponse> where TRequest : MediatR.IClinicQuery
            {
                public void Handle(TRequest request) => logger.LogInformation("Handling {Request}", request);
            }

            namespace MediatR
            {
                public interface IRequest<out TResponse> { }
                public interface IClinicQuery { }
                public interface IPipelineBehavior<in TRequest, TResponse> where TRequest : notnull { void Handle(TRequest request); }
                public sealed record Admit(string HospitalNumber) : IRequest<int>;
                public sealed record ListClinics(string Region) : IRequest<int>, IClinicQuery;
            }
            """);
    }

    [Fact]
    public async Task A_list_of_records_logged_as_a_value_prints_each_record()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record StudentMatch(string StudentNumber, string YearGroup);
            public sealed record YearCount(string YearGroup, int Count);
            public sealed class Match { public string StudentNumber { get; set; } = ""; }

            class SupportTools
            {
                void Lookup(ILogger logger, IReadOnlyList<StudentMatch> matches, List<YearCount> years, List<Match> plain)
                {
                    logger.LogDebug("Matches: {Matches}", {|TC1001:matches|});
                    logger.LogDebug("Years: {Years}", years);
                    // A class without its own ToString prints its type name.
                    logger.LogDebug("Plain: {Plain}", plain);
                    logger.LogDebug("Found {Count}", matches.Count);
                }
            }
            """);
    }

    [Fact]
    public async Task A_delegate_kept_in_a_field_returns_what_its_lambda_returns()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Member { public string Email { get; set; } = ""; public string Tier { get; set; } = ""; }

            static class Contacts
            {
                public static readonly Func<Member, string> Primary = static m => m.Email;
                public static Func<Member, string> Banding { get; } = m => m.Tier;
            }

            class Renewals
            {
                void Renewed(Activity activity, Member member)
                {
                    activity.SetTag("renewal.contact", {|TC1001:Contacts.Primary(member)|});
                    activity.SetTag("renewal.tier", Contacts.Banding(member));
                }
            }
            """);
    }

    [Fact]
    public async Task An_exception_whose_primary_constructor_hands_its_base_the_message_is_judged_by_what_it_is_given()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class EntityNotFoundException(string message) : Exception(message);
            public sealed class GatewayException(string message, Exception inner) : Exception(message, inner);

            public sealed class Repository<T>
            {
                private readonly Dictionary<string, T> _items = new();

                public T Get(string key) =>
                    _items.TryGetValue(key, out var item) ? item : throw {|TC1001:new EntityNotFoundException($"{typeof(T).Name} '{key}' was not found")|};
            }

            class Checkout(Repository<string> baskets, ILogger logger)
            {
                void Open(Activity activity, string customerNumber, string basketId)
                {
                    try
                    {
                        baskets.Get(customerNumber);
                    }
                    catch (EntityNotFoundException ex)
                    {
                        activity.AddException({|TC1001:ex|});
                    }
                    try
                    {
                        baskets.Get(basketId);
                    }
                    catch (EntityNotFoundException ex)
                    {
                        activity.AddException(ex);
                    }
                    try
                    {
                        Charge(customerNumber);
                    }
                    catch (GatewayException ex)
                    {
                        var root = ex.InnerException ?? ex;
                        logger.LogError("Payment failed: {Cause}", {|TC1001:root.Message|});
                        logger.LogError("Payment failed: {Cause}", {|TC1001:ex.GetBaseException().Message|});
                    }
                }

                static void Charge(string customerNumber) =>
                    throw new GatewayException("The provider refused the charge", new InvalidOperationException($"Customer {customerNumber} failed 3-D Secure"));
            }
            """);
    }

    [Fact]
    public async Task Telemetry_read_back_by_a_key_that_names_an_identifier_is_one()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Arena
            {
                void Stopped(Activity activity, ILogger logger)
                {
                    logger.LogWarning("Slow match hosted by {Host}", {|TC1001:activity.GetBaggageItem("arena.host.gamertag")|});
                    activity.SetTag("meter.reported", {|TC1001:activity.GetCustomProperty("meter.serial")|});
                    activity.SetTag("arena.region", activity.GetBaggageItem("arena.region"));
                    activity.SetTag("arena.mode", activity.GetCustomProperty("arena.mode"));
                    logger.LogInformation("Renewal for {Customer}", {|TC1001:OpenTelemetry.Baggage.GetBaggage("customer.email")|});
                    logger.LogInformation("Renewal in {Region}", OpenTelemetry.Baggage.GetBaggage("customer.region"));
                    if (activity.GetCustomProperty("meter.serial") is not string serial)
                    {
                        return;
                    }
                    activity.SetTag("meter.last", {|TC1001:serial|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_mail_domain_cut_at_a_stored_position_and_the_names_of_invalid_members_are_clean()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.ComponentModel.DataAnnotations;
            using System.Linq;

            class Signup
            {
                void Rejected(Activity activity, string subscriberEmail, ValidationResult validation)
                {
                    var at = subscriberEmail.IndexOf('@');
                    activity.SetTag("signup.domain", subscriberEmail.AsSpan(at + 1).ToString());
                    activity.SetTag("signup.domain2", subscriberEmail.Substring(at + 1));
                    activity.SetTag("signup.local", {|TC1001:subscriberEmail.Substring(0, at)|});
                    activity.SetTag("signup.invalid", validation.MemberNames.FirstOrDefault());
                    activity.SetTag("signup.invalid.member", validation.MemberNames.FirstOrDefault());
                }
            }
            """);
    }

    [Fact]
    public async Task A_tag_collection_kept_in_a_local_is_reported_where_it_is_handed_to_telemetry()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Net;

            class Playback
            {
                void Refused(Activity activity, string titleId, string subscriberEmail, IPAddress viewerIp)
                {
                    var refused = new ActivityTagsCollection { ["media.title"] = titleId, ["media.subscriber"] = subscriberEmail };
                    refused["media.viewer.address"] = viewerIp.ToString();
                    activity.AddEvent(new ActivityEvent("playback.refused", tags: {|TC1001:{|TC1001:refused|}|}));

                    // Never handed on in sight: reported where the entry is written.
                    var kept = new ActivityTagsCollection { ["media.subscriber"] = {|TC1001:subscriberEmail|} };
                    Keep(kept);
                }

                static void Keep(ActivityTagsCollection tags) { }
            }
            """);
    }

    [Fact]
    public async Task A_virtual_method_is_judged_by_its_overrides_and_an_injected_service_by_what_its_implementations_throw()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class MatchResult { public string MatchId { get; set; } = ""; public string WinnerGamertag { get; set; } = ""; }

            public abstract class MatchHandler
            {
                protected virtual string Subject(MatchResult result) => result.MatchId;
                protected virtual string Mode(MatchResult result) => "ranked";

                public void Handle(Activity activity, MatchResult result)
                {
                    activity.SetTag("arena.match.subject", {|TC1001:Subject(result)|});
                    activity.SetTag("arena.match.mode", Mode(result));
                }
            }

            public sealed class LeaderboardHandler : MatchHandler
            {
                protected override string Subject(MatchResult result) => result.WinnerGamertag;
                protected override string Mode(MatchResult result) => "leaderboard";
            }

            public sealed class FareDisputeException(string message) : Exception(message);
            public interface IFareCalculator { decimal Calculate(string tripId); decimal Estimate(string tripId); }

            public sealed class FareCalculator(string riderPhone) : IFareCalculator
            {
                public decimal Calculate(string tripId) => throw new FareDisputeException($"Rider {riderPhone} disputes trip {tripId}");
                public decimal Estimate(string tripId) => throw new FareDisputeException($"No estimate for trip {tripId}");
            }

            class Trips(IFareCalculator calculator)
            {
                void Completed(Activity activity, string tripId)
                {
                    try
                    {
                        calculator.Calculate(tripId);
                    }
                    catch (Exception ex)
                    {
                        activity.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                    try
                    {
                        calculator.Estimate(tripId);
                    }
                    catch (Exception ex)
                    {
                        activity.SetStatus(ActivityStatusCode.Error, ex.Message);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_grain_key_is_the_id_of_what_the_grain_type_stands_for()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public abstract class Grain
            {
                public string IdentityString { get; init; } = "";
            }

            public static class GrainExtensions
            {
                public static string GetPrimaryKeyString(this Grain grain) => grain.IdentityString;
            }

            public sealed class SmartMeterGrain(ILogger logger) : Grain
            {
                public void Activated()
                {
                    logger.LogDebug("Activated {Grain}", {|TC1001:this.GetPrimaryKeyString()|});
                    logger.LogWarning(string.Concat("Meter ", {|TC1001:IdentityString|}, " keeps missing intervals"));
                }
            }

            public sealed class PlayerGrain(Activity activity) : Grain
            {
                public void Joined() => activity.SetTag("arena.player", {|TC1001:this.GetPrimaryKeyString()|});
            }

            public sealed class OrderGrain(Activity activity) : Grain
            {
                public void Placed() => activity.SetTag("shop.order", this.GetPrimaryKeyString());
            }
            """);
    }

    [Fact]
    public async Task What_an_object_prints_or_serialises_follows_its_own_PrintMembers_and_JsonIgnore()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Text.Json;
            using System.Text.Json.Serialization;

            public record LearnerSummary(string CourseId, string StudentNumber, int Missing)
            {
                protected virtual bool PrintMembers(StringBuilder builder)
                {
                    builder.Append("CourseId = ").Append(CourseId).Append(", Missing = ").Append(Missing);
                    return true;
                }
            }

            public record TutorSummary(string CourseId, string StudentNumber)
            {
                protected virtual bool PrintMembers(StringBuilder builder)
                {
                    builder.Append($"CourseId = {CourseId}, Student = {StudentNumber}");
                    return true;
                }
            }

            public sealed class GuardianContact
            {
                public string Relationship { get; set; } = "";
                [JsonIgnore] public string Phone { get; set; } = "";
            }

            public sealed class GuardianNotice
            {
                public string Relationship { get; set; } = "";
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Email { get; set; }
            }

            class Gradebook(ILogger logger)
            {
                void Rendered(Activity activity, LearnerSummary learner, TutorSummary tutor, GuardianContact contact, GuardianNotice notice, string accountNumber)
                {
                    logger.LogInformation("Rendered {Summary}", learner);
                    logger.LogInformation("Rendered {Summary}", {|TC1001:tutor|});
                    activity.SetTag("gradebook.guardian", JsonSerializer.Serialize(contact));
                    activity.SetTag("gradebook.notice", {|TC1001:JsonSerializer.Serialize(notice)|});
                    // Built here from an identifier, but into a member neither printed nor written.
                    logger.LogInformation("Rendered {Summary}", new LearnerSummary("maths", accountNumber, 2));
                    activity.SetTag("gradebook.contact", JsonSerializer.Serialize(new GuardianContact { Relationship = "mother", Phone = accountNumber }));
                    Log("Switching {Account}", {|TC1001:accountNumber|});
                    Log("Switching to {Tariff}", "economy-7");
                }

                void Log(string template, params object[] values) => logger.LogInformation(template, {|TC1001:values|});
            }
            """);
    }

    [Fact]
    public async Task A_slice_to_an_identifiers_length_is_all_of_it_and_a_few_characters_are_about_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Readings
            {
                void Received(Activity activity, string meterSerial, string cardNumber)
                {
                    Span<char> buffer = stackalloc char[64];
                    if (!meterSerial.AsSpan().TryCopyTo(buffer))
                    {
                        return;
                    }
                    activity.SetTag("meter.serial.copy", {|TC1001:buffer[..meterSerial.Length].ToString()|});
                    activity.SetTag("meter.serial.region", buffer[..2].ToString());
                    activity.SetTag("card.last4", cardNumber[^4..]);
                    activity.SetTag("card.copy", {|TC1001:cardNumber[0..cardNumber.Length]|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_tuple_prints_its_elements_and_a_collection_named_in_the_plural_holds_identifiers()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            class Queues(ILogger logger)
            {
                void Report(IEnumerable<(string StudentNumber, int Score)> scores, List<(string Course, int Count)> courses,
                            HashSet<string> gamertags, int players, List<string> regions)
                {
                    logger.LogDebug("Top scorer {Top}", {|TC1001:scores.MaxBy(s => s.Score)|});
                    logger.LogDebug("Busiest course {Course}", courses.First());
                    logger.LogDebug("Queued {Players}", {|TC1001:gamertags|});
                    logger.LogDebug("Queued {Count}", players);
                    logger.LogDebug("Open in {Regions}", regions);
                }
            }
            """);
    }

    [Fact]
    public async Task A_peers_network_address_is_personal_whatever_it_is_called_and_a_machines_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Net;
            using System.Net.NetworkInformation;

            class MatchServer(ILogger logger, IPEndPoint localEndPoint)
            {
                void OnDatagram(Activity activity, IPEndPoint remote, PhysicalAddress phoneMac)
                {
                    logger.LogDebug("Datagram from {Endpoint}", {|TC1001:remote|});
                    activity.SetTag("net.peer.address", {|TC1001:remote.Address.ToString()|});
                    activity.SetTag("net.peer.port", remote.Port);
                    activity.SetTag("beacon.phone.mac", {|TC1001:phoneMac.ToString()|});
                    activity.SetTag("net.host.address", localEndPoint.ToString());
                }
            }
            """);
    }

    [Fact]
    public async Task Text_the_method_cuts_an_identifier_out_of_carries_it_and_text_cut_into_things_does_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;
            using System.Text.RegularExpressions;

            sealed class MqttMessage
            {
                public string Topic { get; init; } = "";
            }

            static class TopicFilter
            {
                public static string Segment(string topic, int index) => topic.Split('/')[index];
            }

            class Telematics(ILogger logger)
            {
                void OnVitals(Activity activity, MqttMessage vitals)
                {
                    var hospitalNumber = TopicFilter.Segment(vitals.Topic, 2);
                    activity.SetTag("messaging.destination.name", {|TC1001:vitals.Topic|});
                }

                void OnMessage(Activity activity, MqttMessage message, MqttMessage classroom, string path, Uri link)
                {
                    var imei = message.Topic.Split('/')[1];
                    activity.SetTag("messaging.destination.name", {|TC1001:message.Topic|});
                    logger.LogWarning("Unregistered unit on {Topic}", {|TC1001:message.Topic|});

                    var email = Regex.Match(path, "users/(?<e>[^/]+)").Groups["e"].Value;
                    activity.SetTag("url.path", {|TC1001:path|});
                    activity.SetTag("url.path.length", path.Length);

                    var patientNumber = link.Segments.Last();
                    activity.SetTag("url.full", {|TC1001:link.ToString()|});
                    activity.SetTag("url.host", link.Host);

                    var room = classroom.Topic.Split('/')[1];
                    activity.SetTag("classroom.topic", classroom.Topic);
                    activity.SetTag("messaging.destination.template", "devices/{imei}/telemetry");
                }
            }
            """);
    }

    [Fact]
    public async Task A_row_whose_cells_are_deconstructed_into_identifiers_carries_them_whole()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class CareHomeImport(ILogger logger)
            {
                void Import(Activity activity, IReadOnlyList<string> rows)
                {
                    foreach (var line in rows)
                    {
                        var cells = line.Split(',');
                        if (cells.Length != 3)
                        {
                            logger.LogWarning("Unreadable row: {Line}", {|TC1001:line|});
                            activity.SetTag("import.row.length", line.Length);
                            continue;
                        }
                        var (nhsNumber, wardCode, admittedOn) = (cells[0], cells[1], cells[2]);
                        activity.SetTag("import.ward", wardCode);
                    }
                }

                void Catalogue(Activity activity, IReadOnlyList<string> rows)
                {
                    foreach (var line in rows)
                    {
                        var cells = line.Split(',');
                        var (sku, colour) = (cells[0], cells[1]);
                        logger.LogWarning("Unpriced row: {Line}", line);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_member_of_a_constructed_generic_type_holds_only_what_is_stored_into_that_construction()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Message<TKey, TValue>
            {
                public TKey Key { get; set; } = default!;
                public TValue Value { get; set; } = default!;
            }

            sealed record MeterReading(string MeterSerial, double Kwh);
            sealed record OrderPlaced(string OrderId, decimal Total);

            class Pipelines
            {
                Message<string, MeterReading> Reading(MeterReading reading) => new() { Key = reading.MeterSerial, Value = reading };

                void OnReading(Activity activity, Message<string, MeterReading> message) =>
                    activity.SetTag("messaging.kafka.message.key", {|TC1001:message.Key|});

                void OnOrder(Activity activity, Message<string, OrderPlaced> message) =>
                    activity.SetTag("messaging.kafka.message.key", message.Key);
            }
            """);
    }

    [Fact]
    public async Task A_tracked_propertys_original_or_current_value_is_judged_by_which_property_it_is()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;
            using System.Linq.Expressions;
            using Microsoft.EntityFrameworkCore.ChangeTracking;

            namespace Microsoft.EntityFrameworkCore.ChangeTracking
            {
                public class PropertyEntry
                {
                    public object? OriginalValue { get; set; }
                    public object? CurrentValue { get; set; }
                    public bool IsModified { get; set; }
                }

                public class PropertyEntry<TEntity, TProperty> : PropertyEntry
                {
                    public new TProperty OriginalValue { get; set; } = default!;
                }

                public class PropertyValues
                {
                    public TValue GetValue<TValue>(string propertyName) => default!;
                }

                public class EntityEntry<TEntity>
                {
                    public IEnumerable<PropertyEntry> Properties { get; } = new List<PropertyEntry>();
                    public PropertyEntry<TEntity, TProperty> Property<TProperty>(Expression<Func<TEntity, TProperty>> property) => new();
                    public PropertyEntry Property(string propertyName) => new();
                }
            }

            sealed class Player
            {
                public string Gamertag { get; set; } = "";
                public string Region { get; set; } = "";
            }

            sealed class Stadium
            {
                public string Name { get; set; } = "";
                public int Capacity { get; set; }
            }

            class Audit(ILogger logger)
            {
                void OnSaving(Activity activity, EntityEntry<Player> player, EntityEntry<Stadium> stadium, PropertyValues database)
                {
                    activity.SetTag("game.gamertag.previous", {|TC1001:player.Property(p => p.Gamertag).OriginalValue|});
                    activity.SetTag("game.region.previous", player.Property(p => p.Region).OriginalValue);
                    var tag = player.Property("Gamertag");
                    logger.LogInformation("Gamertag was {Previous}", {|TC1001:tag.OriginalValue|});
                    logger.LogInformation("Marked by {Marker}", {|TC1001:database.GetValue<string>("MarkerEmail")|});
                    foreach (var property in player.Properties.Where(p => p.IsModified))
                    {
                        logger.LogInformation("Changed from {Before}", {|TC1001:property.OriginalValue|});
                    }
                    foreach (var property in stadium.Properties.Where(p => p.IsModified))
                    {
                        logger.LogInformation("Changed from {Before}", property.OriginalValue);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task The_users_claims_an_applications_own_claim_audit_fields_and_identity_errors_are_personal()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;
            using System.Security.Claims;

            sealed class IdentityError
            {
                public string Code { get; set; } = "";
                public string Description { get; set; } = "";
            }

            sealed class ProxyGrant
            {
                public string GrantedBy { get; set; } = "";
                public string SortedBy { get; set; } = "";
                public DateTime GrantedAt { get; set; }
            }

            class SignIn(ILogger logger)
            {
                void OnValidated(Activity activity, ClaimsPrincipal principal, ProxyGrant grant, IdentityError[] errors)
                {
                    logger.LogInformation("Claims {Claims}", principal.Claims.Select(c => $"{c.Type}={{|TC1001:c.Value|}}"));
                    logger.LogInformation("Claim types {Types}", principal.Claims.Select(c => c.Type));
                    logger.LogInformation("Roles {Roles}", principal.Claims.Where(c => c.Type == ClaimTypes.Role).Select(c => c.Value));
                    activity.SetTag("exam.student", principal.FindFirst("student_number")?{|TC1001:.Value|});
                    activity.SetTag("session.id", principal.FindFirst("sid")?.Value);
                    activity.SetTag("tenant", principal.FindFirst("tenant_id")?.Value);
                    activity.SetTag("proxy.granted_by", {|TC1001:grant.GrantedBy|});
                    activity.SetTag("proxy.sorted_by", grant.SortedBy);
                    activity.SetStatus(ActivityStatusCode.Error, {|TC1001:errors.First().Description|});
                    activity.SetTag("identity.error", errors.First().Code);
                }
            }
            """);
    }

    [Fact]
    public async Task Mail_recipients_are_email_addresses_by_type_and_groups_stay_what_they_were_grouped_by_through_a_filter()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;
            using System.Net.Mail;

            sealed record CheckoutEvent(string CustomerId, string Step, string Region);

            class Notifications(ILogger logger)
            {
                void Sent(Activity activity, MailMessage mail, List<CheckoutEvent> events)
                {
                    logger.LogInformation("Letter sent to {To}", {|TC1001:mail.To|});
                    logger.LogInformation("Letter sent from {From}", mail.From);
                    logger.LogInformation("Subject length {Length}", mail.Subject.Length);

                    var abandoned = events.GroupBy(e => e.CustomerId)
                        .Where(g => g.Any(e => e.Step == "payment") && g.All(e => e.Step != "paid"))
                        .Select(g => g.Key)
                        .ToList();
                    logger.LogDebug("Abandoned at payment: {Customers}", {|TC1001:string.Join(", ", abandoned)|});
                    logger.LogDebug("Abandoned carts: {Count}", abandoned.Count);
                    var regions = events.GroupBy(e => e.Region).Where(g => g.Count() > 10).Select(g => g.Key).ToList();
                    logger.LogDebug("Busy regions: {Regions}", string.Join(", ", regions));
                }
            }
            """);
    }

    [Fact]
    public async Task A_lazy_value_is_what_its_factory_returns()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Refunds(ILogger logger, Pseudonymizer pseudonymizer, string accountId)
            {
                private readonly Lazy<string> _reference = new(() => pseudonymizer.Compute("player", accountId));

                void Refund(Activity activity, string customerNumber)
                {
                    var customerRef = new Lazy<string>(() => pseudonymizer.Compute("customer", customerNumber));
                    var raw = new Lazy<string>(() => customerNumber.Trim());
                    activity.SetBaggage("shop.customer.ref", customerRef.Value);
                    activity.SetTag("play.player.id", _reference.Value);
                    logger.LogInformation("Refund for {Customer}", {|TC1001:raw.Value|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_value_kept_whole_only_when_too_short_to_identify_is_about_it_and_one_kept_whole_when_long_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Cards
            {
                void Record(Activity activity, string pan)
                {
                    activity.SetTag("card.last4", pan.Length >= 4 ? pan[^4..] : pan);
                    activity.SetTag("card.last4", pan.Length < 4 ? pan : pan[^4..]);
                    activity.SetTag("card.number", pan.Length >= 4 ? {|TC1001:pan|} : pan[..2]);
                }
            }
            """);
    }

    [Fact]
    public async Task A_validation_failures_attempted_value_is_reported_when_the_validated_object_has_an_identifier()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;
            using System.Threading;
            using FluentValidation;
            using FluentValidation.Results;

            namespace FluentValidation.Results
            {
                public class ValidationFailure
                {
                    public string PropertyName { get; set; } = "";
                    public object? AttemptedValue { get; set; }
                }

                public class ValidationResult
                {
                    public List<ValidationFailure> Errors { get; } = new();
                }
            }

            namespace FluentValidation
            {
                public interface IValidator<T>
                {
                    Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellationToken = default);
                }

                public class ValidationException(IEnumerable<ValidationFailure> errors) : Exception
                {
                    public IEnumerable<ValidationFailure> Errors { get; } = errors;
                }

                public static class ValidatorExtensions
                {
                    public static Task ValidateAndThrowAsync<T>(this IValidator<T> validator, T instance, CancellationToken cancellationToken = default) => Task.CompletedTask;
                }
            }

            sealed record ChangeGamertag(Guid PlayerRef, string Gamertag);
            sealed record ChangeRegion(string Region, int Slots);
            sealed record Appeal(string NoticeNumber, string KeeperName);

            class Handlers(ILogger logger, IValidator<ChangeGamertag> gamertags, IValidator<ChangeRegion> regions, IValidator<Appeal> appeals)
            {
                async Task Handle(ChangeGamertag command, ChangeRegion region, Appeal appeal)
                {
                    var validation = await gamertags.ValidateAsync(command);
                    foreach (var failure in validation.Errors)
                    {
                        logger.LogInformation("{Property} was {Attempted}", failure.PropertyName, {|TC1001:failure.AttemptedValue|});
                    }
                    var regionCheck = await regions.ValidateAsync(region);
                    logger.LogInformation("Rejected {Values}", regionCheck.Errors.Select(f => f.AttemptedValue));
                    try
                    {
                        await appeals.ValidateAndThrowAsync(appeal);
                    }
                    catch (ValidationException ex)
                    {
                        foreach (var failure in ex.Errors)
                        {
                            logger.LogDebug("{Property} rejected {Attempted}", failure.PropertyName, {|TC1001:failure.AttemptedValue|});
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Anonymous_objects_projected_from_a_sequence_are_judged_by_their_members()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            sealed record Member(string Email, string Tier);

            class Digest(ILogger logger)
            {
                void Report(List<Member> members)
                {
                    logger.LogDebug("Members {@Members}", {|TC1001:members.Select(m => new { m.Email, m.Tier })|});
                    logger.LogDebug("Contacts {@Members}", {|TC1001:members.Select(m => new { Contact = m.Email }).ToList()|});
                    logger.LogDebug("Tiers {@Tiers}", members.Select(m => new { m.Tier }).ToList());
                }
            }
            """);
    }

    [Fact]
    public async Task A_key_that_only_names_a_token_is_not_judged_by_its_name_and_a_persons_token_is_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Webhooks(ILogger logger, Func<string> configured)
            {
                void Received(string rawToken)
                {
                    var expected = configured();
                    logger.LogInformation("Expecting {MyToken}", expected);
                    logger.LogInformation("Received {Token}", {|TC1001:rawToken|});
                }
            }
            """);
    }
    [Fact]
    public async Task A_dictionary_lookup_or_a_file_opened_in_the_try_block_puts_its_key_or_path_in_the_exception()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.IO;

            public sealed class Permits(Dictionary<string, string> permitsByPlate, Dictionary<string, string> zonesByCode, ILogger logger)
            {
                public string? Kind(string plate, string zoneCode)
                {
                    try
                    {
                        return permitsByPlate[plate];
                    }
                    catch (KeyNotFoundException ex)
                    {
                        logger.LogDebug({|TC1001:ex|}, "No permit");
                    }
                    try
                    {
                        return zonesByCode[zoneCode];
                    }
                    catch (KeyNotFoundException ex)
                    {
                        logger.LogDebug(ex, "No zone");
                    }
                    try
                    {
                        permitsByPlate[plate] = "none";
                    }
                    catch (ArgumentException ex)
                    {
                        logger.LogDebug(ex, "Not stored");
                    }
                    return null;
                }

                public void Open(string surname, string batchId)
                {
                    try
                    {
                        using var letter = File.OpenRead($"/letters/{surname}.pdf");
                    }
                    catch (IOException ex)
                    {
                        logger.LogWarning({|TC1001:ex|}, "Letter not opened");
                    }
                    try
                    {
                        using var batch = new StreamReader($"/batches/{batchId}.csv");
                    }
                    catch (IOException ex)
                    {
                        logger.LogWarning(ex, "Batch not opened");
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task The_address_of_an_outgoing_request_holds_what_it_was_built_from_and_its_host_does_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Net.Http;
            using System.Threading;

            public sealed class GatewayClient(HttpClient http, ILogger logger)
            {
                public async Task Collect(string accountNumber, string batchId, CancellationToken cancellationToken)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/accounts/{accountNumber}/collections");
                    using var response = await http.SendAsync(request, cancellationToken);
                    logger.LogError("Rejected {RequestUri}", {|TC1001:request.RequestUri|});
                    logger.LogError("Rejected by {Host}", request.RequestUri?.Host);
                    logger.LogError("Rejected path {Path}", request.RequestUri?{|TC1001:.AbsolutePath|});
                    logger.LogError("Answered {Status} for {RequestUri}", (int)response.StatusCode, {|TC1001:response.RequestMessage?.RequestUri|});

                    using var instruments = await http.GetAsync($"customers/{Uri.EscapeDataString(accountNumber)}/instruments", cancellationToken);
                    logger.LogWarning("Answered {Status} for {RequestUri}", (int)instruments.StatusCode, {|TC1001:instruments.RequestMessage?.RequestUri|});

                    using var batch = await http.GetAsync($"batches/{batchId}", cancellationToken);
                    logger.LogWarning("Answered {Status} for {RequestUri}", (int)batch.StatusCode, batch.RequestMessage?.RequestUri);
                }
            }
            """);
    }
    [Fact]
    public async Task A_strongly_typed_id_is_the_identifier_it_wraps_unless_it_prints_itself_masked()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public readonly record struct PatientId(Guid Value);
            public readonly record struct WardId(Guid Value);

            public sealed class StudentNumber
            {
                private readonly string _value;
                public StudentNumber(string value) => _value = value;
                public string Value => _value;
                public override string ToString() => _value;
                public static implicit operator string(StudentNumber number) => number._value;
            }

            public sealed class CardNumber
            {
                private readonly string _value;
                public CardNumber(string value) => _value = value;
                public override string ToString() => "**** " + _value[^4..];
            }

            public readonly struct MaskedPan(string pan)
            {
                private readonly string _last4 = pan[^4..];
                public override string ToString() => "**** " + _last4;
            }

            public sealed class Admissions(ILogger logger)
            {
                public void Admit(Activity activity, PatientId patient, WardId ward, StudentNumber student, CardNumber card, MaskedPan masked)
                {
                    activity.SetTag("card.masked", masked.ToString());
                    activity.SetTag("patient", {|TC1001:patient|});
                    activity.SetTag("ward", ward);
                    activity.SetTag("patient.value", {|TC1001:patient.Value|});
                    logger.LogInformation("Student {Student}", {|TC1001:student|});
                    activity.SetBaggage("student", {|TC1001:student|});
                    activity.SetTag("student.raw", {|TC1001:student.Value|});
                    logger.LogInformation("Card {Card}", card);
                }
            }
            """);
    }
    [Fact]
    public async Task Request_headers_logged_whole_or_read_by_a_credential_or_forwarding_name_are_the_callers()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Net.Http;

            public sealed class LicenceHandler(ILogger logger)
            {
                public void Log(HttpRequestMessage request, IDictionary<string, string> headers)
                {
                    logger.LogTrace("Headers {Headers}", {|TC1001:request.Headers|});
                    logger.LogTrace("Headers {@Headers}", {|TC1001:request.Headers|});
                    logger.LogTrace("Headers {Headers}", {|TC1001:request.Headers.ToString()|});
                    logger.LogDebug("Authorised with {Authorization}", {|TC1001:request.Headers.Authorization|});
                    logger.LogDebug("Forwarded for {ForwardedFor}", {|TC1001:headers["X-Forwarded-For"]|});
                    logger.LogDebug("Agent {UserAgent}", headers["User-Agent"]);
                    logger.LogDebug("Content type {ContentType}", request.Content?.Headers.ContentType);
                }
            }
            """);
    }
    [Fact]
    public async Task A_member_read_right_after_it_was_written_is_what_was_written_there()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Problem
            {
                public string? Detail { get; set; }
            }

            public sealed class ProblemShaper
            {
                public void Shape(Activity activity, Problem problem, string customerEmail, bool missing)
                {
                    if (missing)
                    {
                        problem.Detail = "No such account";
                        activity.SetTag("problem.detail", problem.Detail);
                    }
                    else
                    {
                        problem.Detail = $"No account uses {customerEmail}";
                        activity.SetTag("problem.detail", {|TC1001:problem.Detail|});
                    }
                }

                public void Retry(Activity activity, Problem problem, string customerEmail)
                {
                    problem.Detail = "first attempt";
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        // The write below reaches this read on the next pass.
                        activity.SetTag("problem.detail", {|TC1001:problem.Detail|});
                        problem.Detail = customerEmail;
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task A_member_named_for_a_person_that_the_source_only_ever_fills_with_a_pseudonym_is_a_pseudonym()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class TrustContext
            {
                public required string TrustCode { get; init; }

                public string? PatientRef { get; set; }
            }

            public sealed class TrustMiddleware(Pseudonymizer pseudonymizer)
            {
                public TrustContext Resolve(string trustCode, string? hospitalNumber)
                {
                    var trust = new TrustContext { TrustCode = trustCode };
                    if (hospitalNumber is not null)
                    {
                        trust.PatientRef = pseudonymizer.Compute("patient.id", hospitalNumber);
                    }
                    return trust;
                }

                public void Tag(Activity activity, TrustContext trust) => activity.SetTag("patient.ref", trust.PatientRef);
            }

            // Made by a deserialiser, never by the source: what the source writes is not all it holds.
            public sealed class AdmissionMessage
            {
                public string? PatientRef { get; set; }
            }

            public sealed record Referral(string PatientRef, string Ward);

            public sealed class Admissions(Pseudonymizer pseudonymizer)
            {
                public void Handle(Activity activity, AdmissionMessage message, Referral referral)
                {
                    activity.SetTag("patient.ref", {|TC1001:message.PatientRef|});
                    message.PatientRef = pseudonymizer.Compute("patient.id", message.PatientRef!);
                    var forwarded = referral with { PatientRef = pseudonymizer.Compute("patient.id", referral.PatientRef) };
                    activity.SetTag("referral.patient", {|TC1001:referral.PatientRef|});
                }
            }
            """);
    }
    [Fact]
    public async Task An_object_whose_ToString_formats_itself_whole_prints_what_the_formatter_writes()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public static class MessageFormatter
            {
                public static string ToDiagnosticString(object message) => System.Text.Json.JsonSerializer.Serialize(message);
            }

            public sealed class PlaceOrderRequest
            {
                public string CustomerEmail { get; set; } = "";
                public int ItemCount { get; set; }

                public override string ToString() => MessageFormatter.ToDiagnosticString(this);
            }

            public sealed class OrderSummary
            {
                public string OrderId { get; set; } = "";
                public int ItemCount { get; set; }

                public override string ToString() => MessageFormatter.ToDiagnosticString(this);
            }

            public sealed class Orders(ILogger<Orders> logger)
            {
                public void Place(PlaceOrderRequest request, OrderSummary summary)
                {
                    logger.LogInformation("PlaceOrder {Request}", {|TC1001:request|});
                    logger.LogInformation("Placed {Summary}", summary);
                }
            }
            """);
    }
    [Fact]
    public async Task A_constructor_that_keeps_a_parameter_another_member_sends_makes_each_creation_a_sink()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class StageTimer : IDisposable
            {
                private readonly Activity? _activity;
                private readonly string _subject;

                public StageTimer(Activity? activity, string subject)
                {
                    _activity = activity;
                    _subject = subject.Trim();
                }

                public void Dispose() => _activity?.SetTag("stage.subject", _subject);
            }

            public sealed class StageClock(Activity? activity)
            {
                public StageTimer Time(string subject) => new StageTimer(activity, {|TC1001:subject|});
            }

            public sealed class Uploads(StageClock clock)
            {
                public void Upload(Activity? activity, string studentNumber, string courseCode)
                {
                    using (new StageTimer(activity, {|TC1001:studentNumber|})) { }
                    using (new StageTimer(activity, courseCode)) { }
                    using (clock.Time({|TC1001:studentNumber|})) { }
                    using (clock.Time(courseCode)) { }
                }
            }
            """);
    }
    [Fact]
    public async Task The_text_of_something_a_person_wrote_is_judged_by_what_it_was_read_from()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Text.RegularExpressions;

            public sealed record BroadcastComplaint(string ComplaintId, string Text);
            public sealed class SupportTicketDto { public string Body { get; set; } = ""; public string Subject { get; set; } = ""; }
            public sealed record HealthEntry(string Description);
            public sealed record RenewalJob(string Description);

            public sealed class Moderation(ILogger<Moderation> logger)
            {
                public void Handle(Activity? activity, BroadcastComplaint complaint, SupportTicketDto ticket, HealthEntry entry, RenewalJob job)
                {
                    logger.LogInformation("Complaint {ComplaintId}: {Text}", complaint.ComplaintId, {|TC1001:complaint.Text|});
                    activity?.SetTag("ticket.body", {|TC1001:ticket.Body|});
                    activity?.SetTag("ticket.body.length", ticket.Body.Length);
                    logger.LogInformation("Masked {Masked}", Regex.Replace(complaint.Text, @"\w", "*"));
                    logger.LogInformation("Digits removed {Text}", Regex.Replace({|TC1001:complaint.Text|}, @"\d", "#"));
                    logger.LogInformation("Health {Description}", entry.Description);
                    activity?.SetTag("job.description", job.Description);
                }
            }
            """);
    }

    [Fact]
    public async Task A_sequence_of_tuples_logged_whole_prints_each_element()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed record Usage(string AccountNumber, double Kwh, string FeederId);

            public sealed class Rollup(ILogger<Rollup> logger)
            {
                public void Run(List<Usage> usage)
                {
                    var heaviest = usage.OrderByDescending(u => u.Kwh).Take(10).ToList();
                    logger.LogInformation("Heaviest users {Accounts}", {|TC1001:heaviest.Select(u => (u.AccountNumber, u.Kwh))|});
                    var byFeeder = usage.Select(u => (Feeder: u.FeederId, u.Kwh)).ToList();
                    logger.LogInformation("Feeders {Feeders}", byFeeder);
                }
            }
            """);
    }

    [Fact]
    public async Task Masks_that_keep_only_the_last_or_first_few_characters_are_about_the_value()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Text.RegularExpressions;

            public static class Masks
            {
                private static readonly Regex DigitsBeforeLastFour = new(@"\d(?=\d{4})", RegexOptions.Compiled);
                private static readonly Regex EveryDigit = new(@"\d", RegexOptions.Compiled);

                public static string KeepLastFour(string digits) => DigitsBeforeLastFour.Replace(digits, "*");
                public static string NoDigits(string text) => EveryDigit.Replace(text, "#");
                public static string FirstSixLastFour(string pan) => string.Concat(pan.AsSpan(0, 6), new string('*', pan.Length - 10), pan.AsSpan(pan.Length - 4));
                public static string FirstEight(string pan) => pan.Substring(0, 8);
            }

            public sealed class Receipts
            {
                public void Record(Activity activity, string nhsNumber, string cardNumber, string customerEmail)
                {
                    activity.SetTag("patient.masked", Masks.KeepLastFour(nhsNumber));
                    activity.SetTag("patient.masked.inline", Regex.Replace(nhsNumber, ".(?=.{4})", "*"));
                    activity.SetTag("card.masked", Masks.FirstSixLastFour(cardNumber));
                    activity.SetTag("card.last", cardNumber.AsSpan(cardNumber.Length - 4).ToString());
                    activity.SetTag("email.no_digits", Masks.NoDigits({|TC1001:customerEmail|}));
                    activity.SetTag("card.first_eight", {|TC1001:Masks.FirstEight(cardNumber)|});
                }
            }
            """);
    }

    [Fact]
    public async Task Home_access_codes_and_instructions_are_free_text_about_a_home()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Visit(string VisitId, string KeySafeCode, string? AccessInstructions, string DeliveryNotes);

            public sealed class Visits(ILogger<Visits> logger)
            {
                public void Start(Activity? activity, Visit visit)
                {
                    logger.LogDebug("Key safe for {VisitId} is {Code}", visit.VisitId, {|TC1001:visit.KeySafeCode|});
                    activity?.SetTag("visit.access", {|TC1001:visit.AccessInstructions|});
                    activity?.SetTag("visit.has_access_instructions", visit.AccessInstructions is not null);
                    activity?.SetTag("visit.delivery_notes", visit.DeliveryNotes);
                }
            }
            """);
    }
    [Fact]
    public async Task A_library_exception_built_from_an_error_object_carries_that_objects_text()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.ComponentModel.DataAnnotations;

            public sealed class Registrations(ILogger<Registrations> logger)
            {
                public void Register(Activity? activity, string email, string planCode)
                {
                    try
                    {
                        Validate(email, planCode);
                    }
                    catch (ValidationException ex)
                    {
                        logger.LogWarning("Invalid: {Error}", {|TC1001:ex.ValidationResult.ErrorMessage|});
                        activity?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                }

                private static void Validate(string email, string planCode)
                {
                    if (!email.Contains('@'))
                    {
                        throw new ValidationException(new ValidationResult($"{email} is not an address"), null, null);
                    }
                    if (planCode.Length != 4)
                    {
                        throw new ValidationException(new ValidationResult($"Plan {planCode} is unknown"), null, null);
                    }
                }
            }

            public sealed class Plans(ILogger<Plans> logger)
            {
                public void Change(string planCode)
                {
                    try
                    {
                        if (planCode.Length != 4)
                        {
                            throw new ValidationException(new ValidationResult($"Plan {planCode} is unknown"), null, null);
                        }
                    }
                    catch (ValidationException ex)
                    {
                        logger.LogWarning("Invalid: {Error}", ex.ValidationResult.ErrorMessage);
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task A_precise_position_is_a_persons_unless_a_things_or_rounded()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Globalization;

            public readonly record struct GeoPoint(double Latitude, double Longitude)
            {
                public GeoPoint Rounded(int places) => new(Math.Round(Latitude, places), Math.Round(Longitude, places));
                public string ToLatLng(int decimals = 6) => string.Create(CultureInfo.InvariantCulture, $"{Latitude},{Longitude}");
            }

            public sealed record VisitCheckIn(string VisitId, GeoPoint Position);
            public sealed record VanPing(string VanId, GeoPoint Position);
            public sealed record CrashAlert(string AlertId, double Latitude, double Longitude);
            public sealed record Member(string MemberId, double HomeLatitude, double HomeLongitude);

            public sealed class Positions(ILogger<Positions> logger)
            {
                public void Track(Activity? activity, VisitCheckIn checkIn, VanPing ping, CrashAlert alert, Member member)
                {
                    activity?.SetTag("care.checkin.position", {|TC1001:checkIn.Position.ToString()|});
                    activity?.SetTag("care.checkin.area", checkIn.Position.Rounded(1).ToString());
                    activity?.SetTag("care.checkin.latlng", {|TC1001:checkIn.Position.ToLatLng()|});
                    activity?.SetTag("care.checkin.coarse", checkIn.Position.ToLatLng(1));
                    activity?.SetTag("van.position", ping.Position.ToLatLng());
                    activity?.SetTag("crash.position", {|TC1001:$"{alert.Latitude:F5},{alert.Longitude:F5}"|});
                    activity?.SetTag("crash.area", $"{alert.Latitude:F1},{alert.Longitude:F1}");
                    activity?.SetTag("crash.area.handler", string.Create(CultureInfo.InvariantCulture, $"{alert.Latitude:F1},{alert.Longitude:F1}"));
                    activity?.SetTag("pickup.area", $"{Math.Round(member.HomeLatitude, 1)},{Math.Round(member.HomeLongitude, 1)}");
                    logger.LogInformation("Pickup at {Lat},{Lon}", {|TC1001:member.HomeLatitude|}, {|TC1001:member.HomeLongitude|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_dictionary_kept_in_a_field_or_filled_in_a_local_and_logged_whole_prints_the_keys_its_code_put_in()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class TapValidation(ILogger<TapValidation> logger)
            {
                private readonly Dictionary<string, int> _declinesByCard = new();
                private readonly Dictionary<string, int> _declinesByReader = new();

                public void Declined(string cardNumber, string readerId)
                {
                    _declinesByCard[cardNumber] = _declinesByCard.GetValueOrDefault(cardNumber) + 1;
                    _declinesByReader[readerId] = _declinesByReader.GetValueOrDefault(readerId) + 1;
                }

                public void Report()
                {
                    logger.LogInformation("Repeat decliners {Decliners}", {|TC1001:_declinesByCard|});
                    logger.LogInformation("Repeat decliners: {Count}", _declinesByCard.Count);
                    logger.LogInformation("Declines by reader {Readers}", _declinesByReader);
                }

                public void Forecast(IReadOnlyList<(string MeterSerial, string Region)> points)
                {
                    var forecasts = new Dictionary<string, double>();
                    var byRegion = new Dictionary<string, int>();
                    foreach (var point in points)
                    {
                        forecasts[point.MeterSerial] = 1.5;
                        byRegion[point.Region] = byRegion.GetValueOrDefault(point.Region) + 1;
                    }
                    logger.LogInformation("Forecasts {Forecasts}", {|TC1001:forecasts|});
                    logger.LogInformation("Meters per region {Regions}", byRegion);
                }
            }
            """);
    }

    [Fact]
    public async Task A_helper_s_own_line_is_reported_when_a_caller_hands_it_an_identifier_and_not_when_none_does()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            static class SlowQueryLog
            {
                public static void Write(ILogger logger, string query, object parameter, double elapsedMs) =>
                    logger.LogWarning("Slow {Query} with {Parameter} took {Elapsed} ms", query, {|TC1001:parameter|}, elapsedMs);

                public static void Note(ILogger logger, string what) => logger.LogDebug("Note {What}", what);
            }

            class FareRepository(ILogger<FareRepository> logger)
            {
                public void Journeys(string cardNumber)
                {
                    SlowQueryLog.Write(logger, "journeys", {|TC1001:cardNumber|}, 812);
                    SlowQueryLog.Note(logger, "timetable");
                    SlowQueryLog.Note(logger, nameof(Journeys));
                }
            }
            """);
    }

    [Fact]
    public async Task A_value_formatted_by_a_constant_is_judged_by_what_that_format_returns()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            sealed class EmailAddress(string value) : IFormattable
            {
                public string Value { get; } = value;
                public string Domain => Value[(Value.IndexOf('@') + 1)..];

                /// <summary>"M" (the default) masks the mailbox; "F" is the whole address.</summary>
                public string ToString(string? format, IFormatProvider? formatProvider) => format == "F" ? Value : $"***@{Domain}";
                public override string ToString() => ToString("M", null);
            }

            sealed class LoyaltyCardNumber(string value) : IFormattable
            {
                public string Value { get; } = value;
                public string ToString(string? format, IFormatProvider? formatProvider) => format switch
                {
                    "L4" => "**** " + Value[^4..],
                    _ => Value,
                };
                public override string ToString() => Value;
            }

            class Enrolment(ILogger<Enrolment> logger)
            {
                void Record(Activity activity, EmailAddress guardianEmail, LoyaltyCardNumber card)
                {
                    logger.LogInformation("Guardian contact {GuardianEmail}", guardianEmail);
                    logger.LogInformation("Guardian contact {GuardianEmail:F}", {|TC1001:guardianEmail|});
                    activity.SetTag("guardian", $"{guardianEmail}");
                    activity.SetTag("guardian.full", {|TC1001:$"{guardianEmail:F}"|});
                    activity.SetTag("card.masked", card.ToString("L4", null));
                    activity.SetTag("card.masked2", $"{card:L4}");
                    activity.SetTag("card", {|TC1001:card.ToString("G", null)|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_member_left_out_of_json_or_written_by_a_converter_that_ignores_it_is_not_serialised()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Text.Json;
            using System.Text.Json.Serialization;

            readonly record struct PlayerId(Guid Value);

            sealed class PlayerIdRedactingConverter : JsonConverter<PlayerId>
            {
                public override PlayerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => default;
                public override void Write(Utf8JsonWriter writer, PlayerId value, JsonSerializerOptions options) => writer.WriteStringValue("redacted");
            }

            sealed class GrantReceipt
            {
                public Guid GrantId { get; init; }
                [JsonConverter(typeof(PlayerIdRedactingConverter))]
                public PlayerId PlayerId { get; init; }
            }

            sealed class GiftReceipt
            {
                public Guid GrantId { get; init; }
                public PlayerId PlayerId { get; init; }
            }

            sealed record PlanChanged(string FromPlan, string ToPlan, [property: JsonIgnore] Guid SubscriberId);

            class Grants
            {
                void Record(Activity activity, GrantReceipt receipt, GiftReceipt gift, PlanChanged plan)
                {
                    activity.SetTag("game.receipt", JsonSerializer.Serialize(receipt));
                    activity.SetTag("game.gift", {|TC1001:JsonSerializer.Serialize(gift)|});
                    activity.SetTag("media.plan.changed", JsonSerializer.Serialize(plan));
                }
            }
            """);
    }
    [Fact]
    public async Task A_write_that_only_comes_after_the_send_does_not_reach_it_unless_a_loop_brings_it_back()
    {
        await VerifyCS.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Text;
            using Microsoft.Extensions.Logging;

            public sealed class Receipt(ILogger logger)
            {
                public string Format(IReadOnlyList<string> lines, string memberFirstName, IEnumerable<string> customerEmails)
                {
                    var text = new StringBuilder();
                    foreach (var line in lines)
                    {
                        text.AppendLine(line);
                    }
                    logger.LogDebug("Receipt body {Body}", text.ToString());
                    text.AppendLine($"Thanks, {memberFirstName}!");
                    logger.LogDebug("Receipt with footer {Body}", {|TC1001:text.ToString()|});

                    var sent = "";
                    foreach (var email in customerEmails)
                    {
                        logger.LogDebug("Previous {Sent}", {|TC1001:sent|});
                        sent = email;
                    }

                    var banner = "Welcome";
                    Action show = () => logger.LogDebug("Banner {Banner}", {|TC1001:banner|});
                    banner = memberFirstName;
                    show();
                    return text.ToString();
                }
            }
            """);
    }
    [Fact]
    public async Task An_xml_element_prints_what_it_is_made_of_and_what_is_added_to_it()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Globalization;
            using System.Xml.Linq;
            using Microsoft.Extensions.Logging;

            public sealed record BookingRequest(string HospitalNumber, string ClinicCode, string Comments);

            public sealed class PasClient(ILogger<PasClient> logger)
            {
                private static readonly XNamespace Pas = "urn:pas";

                public void Book(BookingRequest request, string sku)
                {
                    var body = new XElement(Pas + "BookAppointment",
                        new XElement(Pas + "HospNo", request.HospitalNumber),
                        new XElement(Pas + "Clinic", request.ClinicCode));
                    logger.LogTrace("Envelope body {Body}", {|TC1001:body|});
                    logger.LogTrace("Envelope text {Body}", {|TC1001:body.ToString()|});

                    var grant = new XElement("Grant", new XElement("Sku", sku), new XAttribute("clinic", request.ClinicCode));
                    logger.LogTrace("Grant {Body}", grant);
                    grant.SetElementValue("Patient", request.HospitalNumber);
                    logger.LogTrace("Grant with patient {Body}", {|TC1001:grant|});

                    var document = new XDocument(new XElement("Clinic", request.ClinicCode));
                    logger.LogTrace("Document {Document}", document);
                }
            }
            """);
    }
    [Fact]
    public async Task A_missing_value_named_for_an_identifier_is_that_value_and_a_missing_flag_is_not()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;

            public sealed class Tickets(ILogger<Tickets> logger)
            {
                public void Reject(string ticketId, string missingGamertag, bool missingEmail, bool? missingPhone, int missingStudentCount, IReadOnlyList<string> missingStudentNumbers)
                {
                    logger.LogWarning("Ticket {TicketId} lacks {Gamertag}", ticketId, {|TC1001:missingGamertag|});
                    logger.LogWarning("Ticket {TicketId} lacks an email: {Missing}", ticketId, missingEmail);
                    logger.LogWarning("Ticket {TicketId} lacks a phone: {Missing}", ticketId, missingPhone);
                    logger.LogWarning("Ticket {TicketId} lacks {Count} students", ticketId, missingStudentCount);
                    logger.LogWarning("Ticket {TicketId} lacks {Students}", ticketId, {|TC1001:missingStudentNumbers|});
                }
            }
            """);
    }
    [Fact]
    public async Task A_member_name_beside_a_type_name_is_codes_and_a_clubs_member_name_is_a_persons()
    {
        await VerifyCS.AnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public readonly record struct SchemaCoordinate(string TypeName, string? MemberName = null)
            {
                public override string ToString() => MemberName is null ? TypeName : $"{TypeName}.{MemberName}";
            }

            public sealed record LoyaltyAccount(string AccountRef, string MemberName);

            public sealed class Fields(ILogger<Fields> logger)
            {
                public void Slow(SchemaCoordinate coordinate, LoyaltyAccount account)
                {
                    logger.LogWarning("Slow field {Coordinate}", coordinate);
                    logger.LogWarning("Slow field {Field}", coordinate.MemberName);
                    logger.LogWarning("Frozen account of {Member}", {|TC1001:account.MemberName|});
                }
            }
            """);
    }
    [Fact]
    public async Task Text_put_into_a_template_by_replace_or_insert_is_in_the_result()
    {
        await VerifyCS.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Text;
            using Microsoft.Extensions.Logging;

            public sealed record EnquiryForm(string FullName, string StudentNumber, string Topic);

            public static class MacroRenderer
            {
                public static string Render(string template, IReadOnlyDictionary<string, string> values)
                {
                    var text = template;
                    foreach (var (key, value) in values)
                    {
                        text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
                    }
                    return text;
                }
            }

            public sealed class Enquiries(ILogger<Enquiries> logger)
            {
                public void Acknowledge(EnquiryForm form, int openTickets)
                {
                    var reply = MacroRenderer.Render("Dear student {{number}}", new Dictionary<string, string> { ["number"] = form.StudentNumber, ["topic"] = form.Topic });
                    logger.LogDebug("Acknowledgement sent: {Reply}", {|TC1001:reply|});
                    var status = MacroRenderer.Render("{{topic}}: {{open}} open", new Dictionary<string, string> { ["topic"] = form.Topic, ["open"] = openTickets.ToString() });
                    logger.LogDebug("Status: {Status}", status);

                    var letter = new StringBuilder("Dear {{student}}");
                    logger.LogDebug("Template: {Letter}", letter.ToString());
                    letter.Replace("{{student}}", form.StudentNumber);
                    logger.LogDebug("Letter: {Letter}", {|TC1001:letter.ToString()|});
                    logger.LogDebug("Heading: {Heading}", {|TC1001:"Topic".Insert(0, form.StudentNumber)|});
                }
            }
            """);
    }
    [Fact]
    public async Task A_choice_read_under_a_test_of_its_own_condition_is_the_arm_that_test_selects()
    {
        await VerifyCS.AnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public sealed record Shipment(string FirstName, string OrderNumber, string CustomerEmail);

            public sealed class Subjects(ILogger<Subjects> logger)
            {
                public void Send(Shipment shipment, string variant, bool personal)
                {
                    var subject = variant == "personal" ? $"{shipment.FirstName}, your order shipped" : $"Order {shipment.OrderNumber} shipped";
                    if (variant == "personal")
                    {
                        logger.LogInformation("Subject {Subject}", {|TC1001:subject|});
                    }
                    else
                    {
                        logger.LogInformation("Subject {Subject}", subject);
                    }
                    logger.LogInformation("Subject {Subject}", {|TC1001:subject|});

                    var text = variant switch
                    {
                        "item" => $"Still thinking about order {shipment.OrderNumber}?",
                        "person" => $"{shipment.FirstName}, still thinking it over?",
                        _ => "10 % off today",
                    };
                    if (variant == "item")
                    {
                        logger.LogInformation("Nudge {Text}", text);
                    }
                    if ("person" == variant)
                    {
                        logger.LogInformation("Nudge {Text}", {|TC1001:text|});
                    }
                    if (variant is "other")
                    {
                        logger.LogInformation("Nudge {Text}", text);
                    }
                    else
                    {
                        logger.LogInformation("Nudge {Text}", {|TC1001:text|});
                    }

                    var contact = personal ? shipment.CustomerEmail : "noreply";
                    if (!personal)
                    {
                        logger.LogInformation("Contact {Contact}", {|TC1001:contact|});
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task An_array_handed_as_a_log_calls_values_fills_its_placeholders()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Collections.Concurrent;
            using System.Linq;

            class BookingGate
            {
                private readonly ConcurrentDictionary<string, DateTimeOffset> _patientsBooking = new();

                public bool Enter(string nhsNumber) => _patientsBooking.TryAdd(nhsNumber, DateTimeOffset.UtcNow);

                public void Report(ILogger logger, List<string> plates)
                {
                    // string[] where params object[] is expected is the params array itself.
                    logger.LogInformation("Patients mid-booking: {Patients}", {|TC1001:_patientsBooking.Keys.ToArray()|});
                    var doubtful = plates.Where(p => p.Length < 5);
                    logger.LogWarning("Low confidence reads {Plates}", {|TC1001:doubtful.ToArray()|});
                    logger.LogInformation("Bookings started {Times}", _patientsBooking.Values.Select(v => v.ToString("O")).ToArray());
                }
            }
            """);
    }

    [Fact]
    public async Task A_dictionary_named_for_the_person_it_is_keyed_by_holds_their_identifiers_as_keys()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            sealed record Queue(string Name, IReadOnlyDictionary<string, int> WaitingByPassenger, IReadOnlyDictionary<string, int> WaitingByStop);

            class Moderation
            {
                private readonly Dictionary<string, int> _breachesByModerator = new();

                public void Breach(string key) => _breachesByModerator[key] = _breachesByModerator.GetValueOrDefault(key) + 1;

                public void Report(ILogger logger, Activity activity, Queue queue, Dictionary<string, decimal> spendPerCustomer, Dictionary<int, int> ordersByHour)
                {
                    logger.LogWarning("Breaches so far {Breaches}", {|TC1001:_breachesByModerator|});
                    logger.LogWarning("Breaches {Total} across {Moderators}", _breachesByModerator.Values.Sum(), _breachesByModerator.Count);
                    logger.LogInformation("Waiting {Waiting}", {|TC1001:queue.WaitingByPassenger|});
                    logger.LogInformation("Waiting {Waiting}", queue.WaitingByStop);
                    logger.LogInformation("Orders {Orders}", ordersByHour);
                    activity.SetTag("retail.top_spenders", {|TC1001:string.Join(",", spendPerCustomer.Keys)|});
                    foreach (var (customer, spend) in spendPerCustomer.OrderByDescending(p => p.Value).Take(3))
                    {
                        activity.SetTag("retail.top_spend", spend);
                        activity.SetTag("retail.top_spender", {|TC1001:customer|});
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task Parts_the_code_shows_are_not_the_identifier_stay_clean()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;
            using System.Net.Http;

            sealed record MemberChange(string Member, object? Before, object? After);

            class Parts
            {
                void Send(Activity activity, ILogger logger, string timerName, HttpRequestMessage request, IReadOnlyList<MemberChange> changes, string surname)
                {
                    // The timer's name is "breach:<moderator>": its second segment is the moderator, its first the kind.
                    var moderator = timerName.Split(':')[1];
                    activity.SetTag("sla.moderator", {|TC1001:moderator|});
                    activity.SetTag("sla.kind", timerName.Split(':')[0]);

                    // One header read by its name, not every header the request carries.
                    activity.SetTag("delivery.id", request.Headers.GetValues("Shop-Delivery").First());
                    activity.SetTag("delivery.patient", {|TC1001:request.Headers.GetValues("X-Patient-Id").First()|});

                    // A change's member is the field that changed; one letter of a surname is an initial.
                    logger.LogInformation("Changed members {Members}", changes.Select(c => c.Member).ToArray());
                    logger.LogInformation("No envelope for a surname starting {Initial}", surname[0]);
                    logger.LogInformation("No envelope for {Surname}", {|TC1001:surname|});

                    // An anonymous object's member named for a contact, shown to hold a count.
                    logger.LogInformation("Alert run {@Run}", new { Sms = changes.Count(c => c.Member == "Mobile"), Email = changes.Count(c => c.Member == "Email") });
                    logger.LogInformation("Alert run {@Run}", {|TC1001:new { Email = surname + "@example.org" }|});
                }
            }
            """);
    }
    [Fact]
    public async Task A_payload_a_service_signs_or_renders_out_of_sight_carries_what_it_was_given()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public interface ITicketSigner { string Sign(string ticketId, string candidateNumber, DateTimeOffset validTo); }
            public interface ISlipRenderer { Task<string> RenderAsync(string template, string room); }

            class HallTickets
            {
                async Task Issue(ITicketSigner signer, ISlipRenderer renderer, ILogger logger, string ticketId, string candidateNumber, string room)
                {
                    var qr = signer.Sign(ticketId, candidateNumber, DateTimeOffset.UtcNow);
                    logger.LogDebug("Hall ticket QR {Qr}", {|TC1001:qr|});
                    logger.LogDebug("Hall ticket QR of {Length} characters", qr.Length);
                    var slip = await renderer.RenderAsync("room-slip", room);
                    logger.LogDebug("Room slip {Slip}", slip);
                }
            }
            """);
    }
    [Fact]
    public async Task A_translation_or_a_summary_made_out_of_sight_says_what_it_was_given()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public interface ITranslator { Task<string> TranslateAsync(string text, string from, string to); }
            public interface ISummarizer { string Summarize(string text, int sentences); }

            class SupportChat
            {
                async Task Relay(ITranslator translator, ISummarizer summarizer, ILogger logger, string chatMessage, string productTitle, string locale)
                {
                    var translated = await translator.TranslateAsync(chatMessage, locale, "en");
                    logger.LogInformation("Chat translated: {Text}", {|TC1001:translated|});
                    logger.LogInformation("Chat translated, {Length} characters", translated.Length);
                    logger.LogInformation("Summary {Summary}", {|TC1001:summarizer.Summarize(chatMessage, 2)|});
                    var title = await translator.TranslateAsync(productTitle, "en", locale);
                    logger.LogInformation("Title translated: {Title}", title);
                }
            }
            """);
    }
    [Fact]
    public async Task A_register_number_belongs_to_whoever_its_holder_names()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Interpreter(string InterpreterId, string RegisterNumber, int Languages);
            public sealed record Nurse(string RegistrationNumber, string Ward);
            public sealed record Company(string RegistrationNumber, string Sector);
            public sealed record Course(string RegisterNumber, int Places);

            class Registers
            {
                void Send(Activity activity, ILogger logger, Interpreter interpreter, Nurse nurse, Company supplier, Course course)
                {
                    activity.SetTag("interpreting.register", {|TC1001:interpreter.RegisterNumber|});
                    logger.LogInformation("Nurse {Registration} on shift", {|TC1001:nurse.RegistrationNumber|});
                    activity.SetTag("supplier.registration", supplier.RegistrationNumber);
                    activity.SetTag("course.register", course.RegisterNumber);
                    activity.SetTag("interpreting.languages", interpreter.Languages);
                }
            }
            """);
    }
    [Fact]
    public async Task A_record_s_subject_name_is_the_person_it_is_about_and_a_certificate_s_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Security.Cryptography.X509Certificates;

            public sealed record ExclusionNotice(string NoticeId, string SubjectName, System.DateTime Until);
            public sealed record SafeguardingReferral(string ReferralId, string SubjectName, string Category);

            class Notices
            {
                void Send(Activity activity, ILogger logger, ExclusionNotice notice, SafeguardingReferral referral, X509Certificate2 certificate)
                {
                    activity.SetTag("exclusion.subject", {|TC1001:notice.SubjectName|});
                    logger.LogWarning("Referral about {Subject}", {|TC1001:referral.SubjectName|});
                    activity.SetTag("exclusion.notice", notice.NoticeId);
                    activity.SetTag("referral.subject_length", referral.SubjectName.Length);
                    activity.SetTag("tls.subject", certificate.SubjectName.Name);
                    activity.SetTag("tls.issuer", certificate.Issuer);
                }
            }
            """);
    }
    [Fact]
    public async Task A_document_number_beside_the_name_on_the_document_is_the_holder_s()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record CheckInRequest(string BookingReference, string DocumentType, string DocumentNumber, string NameOnDocument);
            public sealed record Invoice(string DocumentNumber, string SupplierCode, decimal Total);

            class CheckIns
            {
                void Send(Activity activity, ILogger logger, CheckInRequest request, Invoice invoice)
                {
                    activity.AddEvent(new ActivityEvent("checkin.rejected", tags: new ActivityTagsCollection { ["document.number"] = {|TC1001:request.DocumentNumber|} }));
                    logger.LogInformation("Checked in with {DocumentType}", request.DocumentType);
                    activity.SetTag("invoice.number", invoice.DocumentNumber);
                }
            }
            """);
    }
    [Fact]
    public async Task A_note_formatted_in_sight_from_a_count_and_an_order_id_is_clean()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record MedicationOrder(string OrderId, string CustomerId, string CustomerName, string Postcode, IReadOnlyList<string> Items, string Sku);

            class Packing
            {
                void Send(ILogger logger, MedicationOrder order, string comment)
                {
                    var courierNote = string.Format("Deliver to {0} at {1}", order.CustomerName, order.Postcode);
                    logger.LogInformation("Courier note: {Note}", {|TC1001:courierNote|});
                    var packingNote = string.Format("Pack {0} items for {1}", order.Items.Count, order.OrderId);
                    logger.LogInformation("Packing note: {Note}", packingNote);
                    logger.LogInformation("Packing note: {Note}", $"Pack {order.Items.Count} items by {DateTime.Today:d}");
                    logger.LogInformation("Packing note: {Note}", $"someone bought {order.Sku}");
                    // Words the service did not choose: a caller's comment, a format that is not a constant, text added later.
                    logger.LogInformation("Packing note: {Note}", $"Pack for {{|TC1001:comment|}}");
                    logger.LogInformation("Packing note: {Note}", string.Format({|TC1001:comment|}, order.OrderId));
                    var appended = $"Pack {order.Items.Count} items";
                    appended += comment;
                    logger.LogInformation("Packing note: {Note}", {|TC1001:appended|});
                }
            }
            """);
    }
    [Fact]
    public async Task The_last_part_of_an_address_split_at_the_at_sign_and_kept_in_a_local_is_its_domain()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record SchemeApplication(string ApplicationId, string CarerEmail);

            class Schemes
            {
                void Send(Activity activity, SchemeApplication application)
                {
                    var mailbox = application.CarerEmail.Split('@');
                    activity.SetTag("scheme.carer.mail_domain", mailbox[^1]);
                    activity.SetTag("scheme.carer.mailbox", {|TC1001:mailbox[0]|});
                    var replaced = application.CarerEmail.Split('@');
                    replaced = application.CarerEmail.Split('.');
                    activity.SetTag("scheme.carer.part", {|TC1001:replaced[^1]|});
                }
            }
            """);
    }
    [Fact]
    public async Task A_dozen_characters_of_what_a_person_wrote_are_still_their_words()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record MemorialRequest(string PetName, string Comment, string Postcode);

            class Memorials
            {
                void Send(Activity activity, ILogger logger, MemorialRequest request)
                {
                    logger.LogInformation("Memorial: {Opening}", {|TC1001:request.Comment[..Math.Min(30, request.Comment.Length)]|});
                    activity.SetTag("memorial.opening", {|TC1001:request.Comment[..12]|});
                    activity.SetTag("memorial.first_letters", request.Comment[..3]);
                    activity.SetTag("memorial.area", request.Postcode[..Math.Min(30, request.Postcode.Length)].Length);
                }
            }
            """);
    }
    [Fact]
    public async Task A_face_enrolment_s_embedding_is_biometric_and_an_email_template_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record FaceEnrolment(string EnrolmentId, float[] Embedding, string Camera);
            public sealed record ReminderMail(string MailId, string Template);

            class Enrolments
            {
                void Send(Activity activity, ILogger logger, FaceEnrolment enrolment, ReminderMail mail)
                {
                    logger.LogDebug("Template {Template}", {|TC1001:string.Join(",", enrolment.Embedding)|});
                    activity.SetTag("enrolment.dimensions", enrolment.Embedding.Length);
                    activity.SetTag("mail.template", mail.Template);
                }
            }
            """);
    }
    [Fact]
    public async Task A_code_picked_for_the_grounds_is_not_the_grounds_an_appellant_wrote()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Appeal(string AppealId, string GroundsCode, string Grounds);

            class Appeals
            {
                void Send(Activity activity, ILogger logger, Appeal appeal, string grounds)
                {
                    activity.SetTag("appeal.grounds", appeal.GroundsCode);
                    logger.LogInformation("Appeal on grounds {Grounds}", appeal.GroundsCode);
                    activity.SetTag("appeal.grounds_text", {|TC1001:appeal.Grounds|});
                    logger.LogInformation("Appeal on grounds {Grounds}", {|TC1001:grounds|});
                }
            }
            """);
    }
    [Fact]
    public async Task The_outward_codes_of_a_list_of_postcodes_are_districts()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed record PrescriptionRun(string RunId, IReadOnlyList<string> CustomerPostcodes, IReadOnlyList<string> CustomerNames);

            class Runs
            {
                void Send(Activity activity, PrescriptionRun run)
                {
                    activity.SetTag("run.districts", string.Join(",", run.CustomerPostcodes.Select(p => p.Split(' ')[0]).Distinct()));
                    activity.SetTag("run.first_district", run.CustomerPostcodes[0].Split(' ')[0]);
                    activity.SetTag("run.first_names", {|TC1001:string.Join(",", run.CustomerNames.Select(n => n.Split(' ')[0]))|});
                }
            }
            """);
    }
    [Fact]
    public async Task Where_a_home_visit_goes_is_someone_s_home_and_a_depot_s_address_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record HomeVisit(string VisitId, string Address, int Items);
            public sealed record Depot(string DepotId, string Address);

            class Visits
            {
                void Send(Activity activity, HomeVisit visit, Depot depot)
                {
                    activity.SetTag("visit.address", {|TC1001:visit.Address|});
                    activity.SetTag("depot.address", depot.Address);
                    activity.SetTag("visit.items", visit.Items);
                }
            }
            """);
    }
    [Fact]
    public async Task A_transcript_s_segment_says_what_was_said_and_its_translation_too()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed record TranscriptSegment(string SessionId, string Speaker, string Original, string Translation, double Confidence);
            public sealed record ComplaintTranslation(string ComplaintId, string Original, string Translated, string Language);
            public sealed record LabelTranslation(string Key, string Original, string Translation);

            class Transcripts
            {
                void Send(Activity activity, ILogger logger, IReadOnlyList<TranscriptSegment> segments, ComplaintTranslation complaint, LabelTranslation label)
                {
                    var first = segments[0];
                    activity.AddEvent(new ActivityEvent("segment", tags: new ActivityTagsCollection { ["translation"] = {|TC1001:first.Translation|} }));
                    logger.LogDebug("Opening: {Text}", string.Join(" ", segments.Take(3).Select(s => {|TC1001:s.Original|})));
                    activity.SetTag("complaint.text", {|TC1001:complaint.Original|});
                    activity.SetTag("complaint.words", complaint.Original.Split(' ').Length);
                    activity.SetTag("segment.confidence", first.Confidence);
                    activity.SetTag("label.original", label.Original);
                }
            }
            """);
    }
    [Fact]
    public async Task A_key_computed_from_an_identifier_is_sent_as_the_entry_s_name()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Referral(string ReferralId, string StaffNumber, string ReasonCode);

            class Scopes
            {
                void Send(ILogger logger, Activity activity, Referral message, KeyValuePair<string, object?> forwarded, string prefix)
                {
                    using var byStaff = logger.BeginScope(new Dictionary<string, object> { [{|TC1001:message.StaffNumber|}] = message.ReasonCode });
                    using var byReferral = logger.BeginScope(new Dictionary<string, object> { ["ReferralId"] = message.ReferralId });
                    activity.SetTag({|TC1001:message.StaffNumber|}, true);
                    activity.SetTag(prefix + ".reason", message.ReasonCode);
                    activity.SetTag(forwarded.Key, forwarded.Value);
                }
            }
            """);
    }
    [Fact]
    public async Task A_member_named_for_what_its_type_is_is_judged_by_the_type_s_name()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record GuestAccessCode(string CodeId, string Code, DateTimeOffset ValidUntil);
            public sealed record PhonePin(string PrisonNumberRef, string Pin, int Credit);
            public sealed record DiscountCode(string Code, int Percent);
            public sealed record PostcodeDistrict(string District, string Region);

            class Codes
            {
                void Send(Activity activity, ILogger logger, GuestAccessCode code, PhonePin pin, DiscountCode discount, PostcodeDistrict district)
                {
                    logger.LogInformation("Guest code digits {Digits}", {|TC1001:code.Code|});
                    activity.SetTag("access.code_ref", code.CodeId);
                    activity.SetTag("phone.pin", {|TC1001:pin.Pin|});
                    activity.SetTag("phone.credit", pin.Credit);
                    activity.SetTag("checkout.discount_code", discount.Code);
                    activity.SetTag("delivery.district", district.District);
                }
            }
            """);
    }
    [Fact]
    public async Task A_chat_turn_or_a_transcript_line_prints_what_was_said()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed record ChatTurn(string ConversationId, string Speaker, string Text, DateTimeOffset At);
            public sealed record TranscriptLine(string Speaker, string Text, double Confidence);
            public sealed record SupportChatRequest(string Platform, string Text);
            public sealed record OrderLine(string Sku, string Text, int Quantity);

            class Transcripts
            {
                void Send(ILogger logger, Activity activity, List<ChatTurn> turns, List<TranscriptLine> lines, SupportChatRequest request, OrderLine line)
                {
                    logger.LogInformation("Last turn {Turn}", {|TC1001:turns.LastOrDefault(t => t.Speaker == "customer")|});
                    logger.LogInformation("First line {@Line}", {|TC1001:lines.FirstOrDefault()|});
                    var customerSide = string.Join(" ", lines.Where(l => l.Speaker == "customer").Select(l => l.Text));
                    logger.LogInformation("Customer said {Side}", {|TC1001:customerSide|});
                    activity.SetTag("chat.text", {|TC1001:request.Text|});
                    activity.SetTag("chat.platform", request.Platform);
                    logger.LogInformation("Transcript of {Words} words", customerSide.Split(' ').Length);
                    logger.LogInformation("Order line {Line}", line);
                }
            }
            """);
    }
    [Fact]
    public async Task The_first_lines_of_a_postal_address_name_a_household()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record PostalAddress(string Line1, string? Line2, string Locality, string PostalCode, string CountryCode);
            public sealed record MoveRequest(string Postcode, string ChosenLine1);
            public sealed record ReceiptLine(string Line1, int Quantity);
            public sealed record ChargerListing(string ListingId, string StreetAddress, string Region);

            class Addresses
            {
                void Send(Activity activity, ILogger logger, PostalAddress delivery, MoveRequest move, ReceiptLine receipt, ChargerListing listing, string emailAddress)
                {
                    logger.LogDebug("Validated delivery to " + {|TC1001:delivery.Line1|} + " for a basket");
                    logger.LogInformation("Line {Line1} not found", {|TC1001:move.ChosenLine1|});
                    activity.SetTag("charging.host.address", {|TC1001:listing.StreetAddress|});
                    activity.SetTag("checkout.delivery.country", delivery.CountryCode);
                    activity.SetTag("checkout.delivery.locality", delivery.Locality);
                    activity.SetTag("till.receipt.first", receipt.Line1);
                    activity.SetTag("charging.region", listing.Region);
                }
            }
            """);
    }
    [Fact]
    public async Task A_path_or_statement_with_its_literals_masked_holds_no_identifier()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Text.RegularExpressions;

            public static class PathNormalizer
            {
                private static readonly Regex Guids = new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.Compiled);
                private static readonly Regex Numbers = new("/\\d+(?=/|$)", RegexOptions.Compiled);

                public static string Normalize(string? path)
                {
                    var withoutGuids = Guids.Replace(path ?? "/", "{id}");
                    return Numbers.Replace(withoutGuids, "/{n}");
                }
            }

            public static class StatementShape
            {
                // Quoted literals first, so that digits inside them are not counted twice.
                public static string Of(string commandText)
                {
                    var quotedOut = Regex.Replace(commandText, "'[^']*'", "@p");
                    return Regex.Replace(quotedOut, "[0-9]+", "@n");
                }
            }

            class Lookups
            {
                void Send(Activity activity, ILogger logger, string studentNumber, string patientName)
                {
                    var path = $"/students/{studentNumber}/grades";
                    activity.SetTag("http.route", PathNormalizer.Normalize(path));
                    activity.SetTag("http.route.masked", Regex.Replace(path, "[0-9]", "#"));
                    activity.SetTag("http.path", {|TC1001:path|});

                    var sql = $"SELECT * FROM students WHERE number = '{studentNumber}'";
                    activity.SetTag("db.query.summary", StatementShape.Of(sql));
                    activity.SetTag("db.query.text", {|TC1001:sql|});

                    // Digits taken out of a name or a message leave the name.
                    logger.LogInformation("Patient {Name}", Regex.Replace({|TC1001:patientName|}, @"\d+", "#"));
                }
            }
            """);
    }
    [Fact]
    public async Task A_message_the_method_composes_itself_is_judged_by_what_it_is_made_of()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ChatMessage
            {
                public string Channel { get; set; } = "";
                public string Text { get; set; } = "";
            }

            class Alerts
            {
                void Post(ILogger logger, ChatMessage inbound, int failures, string courseCode)
                {
                    var alert = new ChatMessage { Channel = "#ops", Text = $"Passback failed for {failures} students on {courseCode}" };
                    logger.LogInformation("Posting {Text}", alert.Text);
                    var forwarded = new ChatMessage { Channel = "#ops", Text = inbound.Text };
                    logger.LogInformation("Forwarding {Text}", {|TC1001:forwarded.Text|});
                    logger.LogInformation("Received {Text}", {|TC1001:inbound.Text|});
                }
            }
            """);
    }

    [Fact]
    public async Task The_member_a_validation_or_a_contract_version_names_is_code()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed class ValidationResult(string? errorMessage, IEnumerable<string> memberNames)
            {
                public string? ErrorMessage { get; } = errorMessage;
                public IEnumerable<string> MemberNames { get; } = memberNames;
            }

            public sealed class ContractAdaptationException(string from, string to, string member)
                : Exception($"{member} has no counterpart from {from} to {to}")
            {
                public string From { get; } = from;
                public string To { get; } = to;
                public string Member { get; } = member;
            }

            public sealed class MemberSuspendedException(string member) : Exception("Suspended")
            {
                public string Member { get; } = member;
            }

            class Contracts
            {
                void Send(Activity activity, ILogger logger, ValidationResult result, ContractAdaptationException adaptation, MemberSuspendedException suspended)
                {
                    activity.SetTag("validation.member", result.MemberNames.FirstOrDefault());
                    logger.LogInformation("Could not map {Member} from {Version}", adaptation.Member, adaptation.From);
                    logger.LogInformation("Suspended {Member}", {|TC1001:suspended.Member|});
                }
            }
            """);
    }
    [Fact]
    public async Task The_first_two_octets_of_an_address_are_its_network()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public sealed record Attempt(string ClientIp, string Code);

            class FraudCheck
            {
                void Send(Activity activity, Attempt attempt)
                {
                    activity.SetTag("fraud.client.network", string.Join('.', attempt.ClientIp.Split('.').Take(2)) + ".0.0/16");
                    activity.SetTag("fraud.client.address", string.Join('.', {|TC1001:attempt.ClientIp|}.Split('.').Take(4)));
                }
            }
            """);
    }
    [Fact]
    public async Task The_prefix_of_a_namespaced_value_and_anyones_postcode_district_are_about_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record ClaimForm(string ClaimantPostcode, string ClaimantEmail, string ClaimantName, string? ResidentPostcode = null);
            public sealed record StoreNotification(string PlatformAccountId);

            class Claims
            {
                void Send(Activity activity, ClaimForm form, StoreNotification notification, string clientIp)
                {
                    activity.SetTag("claim.district", form.ClaimantPostcode.Split(' ')[0]);
                    activity.SetTag("claim.district_or_none", form.ResidentPostcode?.Split(' ')[0]);
                    activity.SetTag("claim.first_name", {|TC1001:form.ClaimantName.Split(' ')[0]|});
                    activity.SetTag("pass.platform", notification.PlatformAccountId.Split(':')[0]);
                    activity.SetTag("pass.account", {|TC1001:notification.PlatformAccountId.Split(':')[1]|});
                    activity.SetTag("claim.mailbox", {|TC1001:form.ClaimantEmail.Split('@')[0]|});
                    activity.SetTag("client.host", {|TC1001:clientIp.Split(':')[0]|});
                }
            }
            """);
    }
    [Fact]
    public async Task The_subject_of_an_identity_providers_answer_for_a_person_is_their_id_there()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record GovIdentity(string Subject, string ConcessionType);
            public sealed record ServiceIdentity(string Subject);
            public sealed record MailMessage(string Subject);

            class Callback
            {
                void Send(Activity activity, GovIdentity identity, ServiceIdentity service, MailMessage mail)
                {
                    activity.SetTag("gov.subject", {|TC1001:identity.Subject|});
                    activity.SetTag("gov.concession", identity.ConcessionType);
                    activity.SetTag("workload.subject", service.Subject);
                    activity.SetTag("mail.subject", mail.Subject);
                }
            }
            """);
    }
    [Fact]
    public async Task Text_named_for_being_typed_is_what_a_person_typed()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record PromoRequest(string Code, string Platform);
            public sealed record OrderPlaced(int Lines, string Currency);

            class Promotions
            {
                void Redeem(Activity activity, ILogger logger, PromoRequest request)
                {
                    var typed = request.Code.Trim();
                    logger.LogInformation("Promo code {Code} matched nothing", {|TC1001:typed|});
                    logger.LogInformation("A {Length}-character promo code matched nothing", typed.Length);
                }

                void Received(ILogger logger, object received)
                {
                    if (received is OrderPlaced typed)
                    {
                        logger.LogInformation("Order {Order}", typed);
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task A_display_name_the_application_keeps_is_a_persons_unless_a_group_or_a_thing_has_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record SellerBalance(string SellerId, string DisplayName, long AmountMinor);
            public sealed record TypingIndicator(string ConnectionId, string DisplayName);
            public sealed record ScimGroup(string Id, string DisplayName);
            public sealed record ProductVariant(string Sku, string DisplayName);
            public sealed class Endpoint(string? displayName) { public string? DisplayName { get; } = displayName; }

            class Payouts
            {
                void Send(Activity activity, ILogger logger, SellerBalance balance, TypingIndicator indicator, ScimGroup group, ProductVariant variant, string displayName)
                {
                    activity.SetTag("seller.display_name", {|TC1001:balance.DisplayName|});
                    activity.SetTag("typing.who", {|TC1001:indicator.DisplayName|});
                    logger.LogInformation("{DisplayName} is top of the class", {|TC1001:displayName|});
                    activity.SetTag("group.name", group.DisplayName);
                    activity.SetTag("variant.name", variant.DisplayName);
                    activity.SetTag("activity.name", activity.DisplayName);
                    activity.SetTag("http.route", new Endpoint("GET /orders/{id}").DisplayName);
                    activity.SetTag("seller.display_name_length", balance.DisplayName.Length);
                }
            }
            """);
    }
    [Fact]
    public async Task A_handle_held_as_text_is_the_name_a_person_goes_by()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Mention(string Handle, int Offset);
            public sealed record FileLease(string Handle, string Path);

            class Mentions
            {
                void Send(Activity activity, ILogger logger, Mention mention, FileLease lease, string handle, IntPtr nativeHandle)
                {
                    logger.LogDebug("Mention of unknown {Handle}", {|TC1001:mention.Handle|});
                    activity.SetTag("talent.handle", {|TC1001:handle|});
                    activity.SetTag("mention.offset", mention.Offset);
                    activity.SetTag("lease.handle", lease.Handle);
                    activity.SetTag("native.handle", nativeHandle.ToInt64());
                }
            }
            """);
    }
    [Fact]
    public async Task Text_tested_against_the_codes_own_constants_is_one_of_them()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;

            public static class Keywords
            {
                public static readonly HashSet<string> OptOut = new(StringComparer.OrdinalIgnoreCase) { "STOP", "END" };
                public static readonly string[] Help = ["HELP", "INFO"];

                public static string? Match(string body)
                {
                    var first = body.Trim().Split(' ', 2)[0].ToUpperInvariant();
                    return OptOut.Contains(first) || Help.Contains(first) ? first : null;
                }
            }

            class Replies
            {
                void Reply(Activity activity, ILogger logger, string typed, string customerEmail)
                {
                    activity.SetTag("sms.keyword", Keywords.Match(typed));
                    var word = typed.Trim().ToUpperInvariant();
                    if (word is "YES" or "NO")
                    {
                        activity.SetTag("sms.answer", word);
                    }
                    if (word.Length > 0 && Keywords.OptOut.Contains(word))
                    {
                        logger.LogInformation("Opt-out {Keyword}", word);
                    }
                    switch (word)
                    {
                        case "START" or "UNSTOP":
                            activity.SetTag("sms.optin", word);
                            break;
                        default:
                            activity.SetTag("sms.other", {|TC1001:word|});
                            break;
                    }
                    if (customerEmail is not null)
                    {
                        activity.SetTag("customer.email", {|TC1001:customerEmail|});
                    }
                    if (customerEmail == "test@example.org" || customerEmail.Length > 3)
                    {
                        activity.SetTag("customer.email", {|TC1001:customerEmail|});
                    }
                    if (customerEmail == "test@example.org")
                    {
                        activity.SetTag("customer.test_email", customerEmail);
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task Who_sent_a_mail_or_a_text_is_a_person()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class MailboxAddress { public string Name { get; init; } = ""; public string Address { get; init; } = ""; public string Domain => Address.Split('@')[1]; }
            public sealed record InboundMail(MailboxAddress From, string To, string MessageId);
            public sealed record InboundSms(string From, string To, string Body);
            public sealed record SmsStatusCallback(string MessageSid, string From, string To);
            public sealed record JourneySearch(string From, string To);
            public sealed record PriceChange(DateTime From, decimal Price);

            class Inbox
            {
                void Route(Activity activity, ILogger logger, InboundMail mail, InboundSms sms, JourneySearch search, PriceChange change, SmsStatusCallback status)
                {
                    activity.SetTag("sms.status.from", status.From);
                    activity.SetTag("mail.from", {|TC1001:mail.From.Address|});
                    activity.SetTag("mail.from.domain", mail.From.Domain);
                    logger.LogInformation("Reply from {Number}", {|TC1001:sms.From|});
                    activity.SetTag("sms.to", sms.To);
                    activity.SetTag("mail.id", mail.MessageId);
                    activity.SetTag("journey.from", search.From);
                    activity.SetTag("price.from", change.From.ToString("O"));
                }
            }
            """);
    }

    [Fact]
    public async Task Query_expressions_and_generic_helpers_carry_what_they_select()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.Linq;
            public sealed record Result(string StudentNumber, int Mark);
            public sealed record SupplyPoint(string AccountNumber, string Mpan);
            static class QueryableAsync
            {
                public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source) => Task.FromResult(source.ToList());
            }

            class Reports
            {
                async Task Publish(ILogger logger, List<Result> results, IQueryable<SupplyPoint> points)
                {
                    var failing = from r in results where r.Mark < 40 select r.StudentNumber;
                    logger.LogWarning("Failing {Students}", {|TC1001:failing.ToList()|});
                    var marks = from r in results where r.Mark < 40 select r.Mark;
                    logger.LogInformation("Failing marks {Marks}", marks.ToList());
                    var shared = await points.GroupBy(p => p.AccountNumber).Where(g => g.Count() > 4).Select(g => g.Key).ToListAsync();
                    logger.LogWarning("Accounts with many supply points {Accounts}", {|TC1001:shared|});
                    var meters = await points.Select(p => p.Mpan).ToListAsync();
                    logger.LogInformation("Meters {Meters}", meters.Count);
                }
            }
            """);
    }

    [Fact]
    public async Task A_preview_of_dozens_of_characters_is_the_text_and_a_few_are_about_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Message(string SenderEmail, string Body);

            class Previews
            {
                void Undelivered(Activity activity, ILogger logger, Message message, string nhsNumber)
                {
                    logger.LogDebug("Preview {Preview}", {|TC1001:message.Body[..Math.Min(80, message.Body.Length)]|});
                    activity.SetTag("message.preview", {|TC1001:message.Body[..40]|});
                    activity.SetTag("sender.start", message.SenderEmail[..Math.Min(3, message.SenderEmail.Length)]);
                    activity.SetTag("nhs.prefix", nhsNumber[..3]);
                }
            }
            """);
    }

    [Fact]
    public async Task A_travel_card_held_as_text_is_its_number_and_a_device_id_s_platform_prefix_is_about_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record AssistanceBooking(string TravelCard, string TravelCardType, string DeviceId, string PassengerName);

            class Assistance
            {
                void Book(Activity activity, AssistanceBooking booking)
                {
                    activity.SetBaggage("passenger.card", {|TC1001:booking.TravelCard|});
                    activity.SetTag("passenger.card.type", booking.TravelCardType);
                    activity.SetTag("passenger.card.last4", booking.TravelCard[^4..]);
                    activity.SetTag("device.class", booking.DeviceId.Split('-')[0]);
                    activity.SetTag("device.id", {|TC1001:booking.DeviceId|});
                    activity.SetTag("passenger.first_name", {|TC1001:booking.PassengerName.Split('-')[0]|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_record_printed_whole_shows_its_lists_by_type_name_and_destructured_shows_their_items()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Allocation(int Requested, IReadOnlyList<string> StudentNumbers, string[] GuardianEmails);
            public sealed record Placement(int Requested, string StudentNumber);

            class Rota
            {
                void Allocate(ILogger logger, List<string> students, string student)
                {
                    var result = new Allocation(students.Count, students, new[] { "a@example.org" });
                    logger.LogInformation("Allocated {Result}", result);
                    logger.LogInformation("Allocated {@Result}", {|TC1001:result|});
                    logger.LogInformation("Placed {Placement}", {|TC1001:new Placement(1, student)|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_grpc_interceptor_s_request_is_any_protobuf_message_of_the_source()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Google.Protobuf
            {
                public interface IMessage { }
                public interface IMessage<T> : IMessage where T : IMessage<T> { }
                public static class JsonFormatter { public static string ToDiagnosticString(IMessage message) => message.GetType().Name; }
            }

            namespace Grpc.Core
            {
                public abstract class ServerCallContext { public abstract string Method { get; } }
                public delegate System.Threading.Tasks.Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context);
            }

            namespace Grpc.Core.Interceptors
            {
                public abstract class Interceptor
                {
                    public virtual System.Threading.Tasks.Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, Grpc.Core.ServerCallContext context, Grpc.Core.UnaryServerMethod<TRequest, TResponse> continuation)
                        where TRequest : class where TResponse : class => continuation(request, context);
                }
            }

            namespace Clinic
            {
                using pb = global::Google.Protobuf;

                public sealed partial class PatientLookupRequest : pb::IMessage<PatientLookupRequest>
                {
                    public string NhsNumber { get; set; } = "";
                    public override string ToString() => pb::JsonFormatter.ToDiagnosticString(this);
                }

                public sealed class AuditInterceptor(ILogger<AuditInterceptor> logger) : Grpc.Core.Interceptors.Interceptor
                {
                    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, Grpc.Core.ServerCallContext context, Grpc.Core.UnaryServerMethod<TRequest, TResponse> continuation)
                    {
                        logger.LogTrace("Request {Request}", {|TC1001:request|});
                        logger.LogTrace("Call {Method}", context.Method);
                        return continuation(request, context);
                    }
                }

                public sealed class Handler<TItem>(ILogger<Handler<TItem>> logger) where TItem : class
                {
                    public void Handle(TItem item) => logger.LogTrace("Item {Item}", item);
                }
            }
            """);
    }

    private const string ObjectDiff = """
        using System.Linq;

        public sealed record FieldChange(string Field, string? Before, string? After);

        public static class Snapshots
        {
            // Reflection over any type: which properties differ, and their old and new text.
            public static List<FieldChange> Changes<T>(T previous, T current) =>
                typeof(T).GetProperties()
                    .Where(p => !Equals(p.GetValue(previous), p.GetValue(current)))
                    .Select(p => new FieldChange(p.Name, Convert.ToString(p.GetValue(previous)), Convert.ToString(p.GetValue(current))))
                    .ToList();
        }

        """;

    [Fact]
    public async Task A_generic_helper_s_records_hold_what_it_reads_out_of_the_objects_its_callers_hand_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + ObjectDiff + """
            public sealed record PatientDemographics(string HospitalNumber, string NhsNumber, string FamilyName);

            class DemographicsHistory
            {
                void Record(ILogger logger, PatientDemographics before, PatientDemographics after)
                {
                    foreach (var change in Snapshots.Changes(before, after))
                    {
                        logger.LogDebug("Field {Field} changed from {Before} to {After}", change.Field, {|TC1001:change.Before|}, {|TC1001:change.After|});
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_generic_helper_s_records_are_clean_when_its_callers_hand_it_nothing_personal()
    {
        await VerifyCS.AnalyzerAsync(Usings + ObjectDiff + """
            public sealed record TariffSettings(string TariffCode, string Region, decimal UnitRate);

            class TariffHistory
            {
                void Record(ILogger logger, TariffSettings before, TariffSettings after)
                {
                    foreach (var change in Snapshots.Changes(before, after))
                    {
                        logger.LogDebug("Field {Field} changed from {Before} to {After}", change.Field, change.Before, change.After);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_grpc_peer_s_first_segment_is_its_address_family()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Grpc.Core
            {
                public abstract class ServerCallContext { public abstract string Peer { get; } }
            }

            class Readings
            {
                void Ingest(Activity activity, Grpc.Core.ServerCallContext context, string clientIp)
                {
                    activity.SetTag("network.type", context.Peer.Split(':')[0]);
                    activity.SetTag("network.peer.address", {|TC1001:context.Peer|});
                    activity.SetTag("client.host", {|TC1001:clientIp.Split(':')[0]|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_bag_whose_code_reads_an_identifier_by_key_holds_it_when_sent_whole()
    {
        await VerifyCS.AnalyzerAsync(Usings + "using System.Linq;\n" + """
            public sealed record AppEvent(string Name, Dictionary<string, string> Props);
            public sealed record EnquiryForm(IReadOnlyDictionary<string, string> Fields);

            class Collector
            {
                void Ingest(ILogger logger, Activity activity, AppEvent ev, EnquiryForm form)
                {
                    if (ev.Name == "meter_viewed")
                    {
                        activity.SetTag("app.meter", {|TC1001:ev.Props["meter_serial"]|});
                    }
                    logger.LogDebug("Event {Name} props {Props}", ev.Name, {|TC1001:ev.Props|});
                    logger.LogDebug("Event {Name} has {Count} props named {Keys}", ev.Name, ev.Props.Count, ev.Props.Keys);
                    activity.SetTag("app.screen", ev.Props.GetValueOrDefault("screen"));
                    var email = form.Fields?.GetValueOrDefault("email");
                    logger.LogWarning("Enquiry fields {Fields}", {|TC1001:form.Fields|});
                    logger.LogWarning("Enquiry fields {Fields}", string.Join("&", form.Fields.Select(f => $"{f.Key}={{|TC1001:f.Value|}}")));
                    logger.LogWarning("Enquiry field names {Fields}", string.Join("&", form.Fields.Select(f => f.Key)));
                }
            }
            """);
    }

    [Fact]
    public async Task A_bag_read_only_by_keys_that_name_no_person_stays_clean_when_sent_whole()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record StrategyDefinition(string Name, IReadOnlyDictionary<string, string> Parameters);
            public sealed record Counts(Dictionary<string, int> Totals);

            class Rollouts
            {
                void Evaluate(ILogger logger, StrategyDefinition strategy, Counts counts)
                {
                    var stickiness = strategy.Parameters["stickiness"];
                    var percentage = strategy.Parameters.GetValueOrDefault("rollout");
                    logger.LogDebug("Strategy {Name} parameters {Parameters}", strategy.Name, strategy.Parameters);
                    var n = counts.Totals.GetValueOrDefault("email");
                    logger.LogDebug("Counts {Counts}", counts.Totals);
                }
            }
            """);
    }

    [Fact]
    public async Task A_bag_filtered_by_an_allow_list_of_keys_naming_no_person_keeps_none_of_its_personal_entries()
    {
        await VerifyCS.AnalyzerAsync(Usings + "using System.Linq;\n" + """
            public sealed record TrackEvent(string Event, IReadOnlyDictionary<string, object?> Properties);

            static class ConsentFilter
            {
                private static readonly HashSet<string> TelemetrySafe = new(StringComparer.Ordinal) { "screen", "step", "plan" };
                private static readonly string[] AdvertisingKeys = ["advertising_id", "idfa"];

                public static Dictionary<string, object?> ForTelemetry(IReadOnlyDictionary<string, object?> properties) =>
                    properties.Where(p => TelemetrySafe.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);

                public static Dictionary<string, object?> StripAdvertising(IReadOnlyDictionary<string, object?> properties) =>
                    properties.Where(p => !AdvertisingKeys.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);

                public static Dictionary<string, object?> WithContact(IReadOnlyDictionary<string, object?> properties)
                {
                    string[] allowed = ["screen", "email"];
                    return properties.Where(p => allowed.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
                }
            }

            class Ingest
            {
                void Track(Activity activity, TrackEvent e)
                {
                    if (e.Properties.TryGetValue("email", out var email)) { }
                    activity.AddEvent(new ActivityEvent("track", tags: new ActivityTagsCollection(ConsentFilter.ForTelemetry(e.Properties))));
                    activity.AddEvent(new ActivityEvent("track", tags: new ActivityTagsCollection({|TC1001:ConsentFilter.StripAdvertising(e.Properties)|})));
                    activity.AddEvent(new ActivityEvent("track", tags: new ActivityTagsCollection({|TC1001:ConsentFilter.WithContact(e.Properties)|})));
                }
            }
            """);
    }

    [Fact]
    public async Task A_geohash_of_seven_characters_or_more_is_the_spot_and_a_shorter_one_the_area()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record GeoPoint(double Latitude, double Longitude);
            public sealed record NurseFix(string VisitId, double Latitude, double Longitude);
            public sealed record BusFix(string BusId, GeoPoint Position);

            public static class Geohash
            {
                public static string Encode(double latitude, double longitude, int precision)
                {
                    var bits = (long)((latitude + 90) * 1e6) ^ (long)((longitude + 180) * 1e6);
                    return Convert.ToString(bits, 32).PadLeft(precision, '0').Substring(0, precision);
                }
            }

            class Tracking
            {
                void Track(Activity activity, NurseFix fix, BusFix bus)
                {
                    activity.SetTag("tracking.cell", Geohash.Encode(fix.Latitude, fix.Longitude, 5));
                    activity.SetTag("tracking.spot", {|TC1001:Geohash.Encode(fix.Latitude, fix.Longitude, 8)|});
                    activity.SetTag("bus.spot", Geohash.Encode(bus.Position.Latitude, bus.Position.Longitude, 8));
                }
            }
            """);
    }

    [Fact]
    public async Task A_data_subject_s_key_is_a_person_s_and_a_template_s_subject_key_names_its_subject_line()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record ErasureTask(Guid RequestId, string SubjectKey);
            public sealed record NotificationTemplate(string TemplateId, string SubjectKey, string BodyKey);

            class Erasure
            {
                void Run(ILogger logger, Activity activity, ErasureTask task, NotificationTemplate template)
                {
                    activity.SetTag("erasure.subject", {|TC1001:task.SubjectKey|});
                    logger.LogInformation("Erasure task {Task}", {|TC1001:task|});
                    logger.LogDebug("Rendering {@Template}", template);
                    activity.SetTag("template.subject_key", template.SubjectKey);
                }
            }
            """);
    }

    [Fact]
    public async Task A_question_someone_typed_is_free_text_and_a_question_s_number_is_a_number()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record QuizAnswer(string QuizId, int Question, int QuestionIndex, string Choice);
            public sealed record AudienceQuestion(Guid QuestionId, string Question);

            class LiveQuiz
            {
                void Answered(ILogger logger, QuizAnswer answer, AudienceQuestion asked)
                {
                    logger.LogDebug("Q{Question} ({Index}) choice {Choice}", answer.Question, answer.QuestionIndex, answer.Choice);
                    logger.LogDebug("Asked {QuestionId}: {Question}", asked.QuestionId, {|TC1001:asked.Question|});
                }
            }
            """);
    }

    [Fact]
    public async Task A_key_a_helper_chose_judges_the_helper_and_its_callers_by_what_they_hand_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record CourierRun(string RunId, string RiderName, string RiderCode, string ToHospital);

            class Runs
            {
                void Record(Activity activity, CourierRun run, List<string> stalled)
                {
                    TagRider(activity, {|TC1001:run.RiderName|});
                    TagRider(activity, run.ToHospital);
                    TagRider(activity, {|TC1001:run.RiderCode|});
                    TagRider(activity, {|TC1001:stalled[0]|});
                }

                static void TagRider(Activity activity, string value) =>
                    activity.SetTag("run.rider", {|TC1001:value|});
            }
            """);
    }
}
