using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 at error reporters reached only through their hub (Sentry's <c>IHub</c>) or their client
/// (Raygun), and at what the framework's own exceptions quote: an out-of-range argument's value and
/// the text a number was parsed from.
/// </summary>
public class TC1001ErrorReporterTests
{
    private const string Usings = """
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Globalization;
        using System.Linq;
        using System.Threading.Tasks;
        using Mindscape.Raygun4Net;
        using Sentry;

        namespace Sentry
        {
            public sealed class SentryUser
            {
                public string? Id { get; set; }
            }

            public class Scope
            {
                public SentryUser User { get; set; } = new();
                public void SetTag(string key, string value) { }
            }

            public interface IHub
            {
                void ConfigureScope(Action<Scope> configureScope);
                void CaptureException(Exception exception);
            }

            public static class HubExtensions
            {
                public static void AddBreadcrumb(this IHub hub, string message, string? category = null) { }
            }

            public static class SentryExceptionExtensions
            {
                public static void AddSentryTag(this Exception ex, string name, string value) { }
            }
        }

        namespace Mindscape.Raygun4Net
        {
            public sealed class RaygunIdentifierMessage(string user)
            {
                public string Identifier { get; set; } = user;
                public string? Email { get; set; }
            }

            public sealed class RaygunSettings
            {
                public string? ApplicationVersion { get; set; }
            }

            public class RaygunClient(RaygunSettings settings)
            {
                public RaygunSettings Settings { get; } = settings;
                public RaygunIdentifierMessage? UserInfo { get; set; }
                public Task SendAsync(Exception exception, IList<string>? tags = null, IDictionary? userCustomData = null, RaygunIdentifierMessage? userInfo = null) => Task.CompletedTask;
            }
        }

        """;

    [Fact]
    public async Task A_hub_s_scope_breadcrumbs_and_exception_tags_are_error_reports()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Lobby(IHub sentry)
            {
                public void Joined(Guid accountId, string gamertag, string lobbyId, Exception failure)
                {
                    sentry.ConfigureScope(scope => scope.User = new SentryUser { Id = {|TC1001:accountId.ToString()|} });
                    sentry.ConfigureScope(scope => scope.SetTag("gamertag", {|TC1001:gamertag|}));
                    sentry.ConfigureScope(scope => scope.SetTag("lobby", lobbyId));
                    sentry.AddBreadcrumb($"{{|TC1001:gamertag|}} joined {lobbyId}", "lobby");
                    failure.AddSentryTag("player", {|TC1001:gamertag|});
                    failure.AddSentryTag("lobby", lobbyId);
                }
            }
            """);
    }

    [Fact]
    public async Task Raygun_s_user_tags_and_custom_data_are_error_reports_and_its_settings_are_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Enquiries(RaygunClient raygun)
            {
                public async Task FailedAsync(Exception error, string officerEmail, string candidateNumber, string centreNumber, string version)
                {
                    raygun.Settings.ApplicationVersion = version;
                    raygun.UserInfo = new RaygunIdentifierMessage({|TC1001:officerEmail|});
                    await raygun.SendAsync(error, new List<string> { "enquiry", centreNumber }, new Dictionary<string, object> { ["candidate"] = {|TC1001:candidateNumber|}, ["centre"] = centreNumber });
                }
            }
            """);
    }

    [Fact]
    public async Task An_out_of_range_argument_s_value_and_an_unparsed_number_are_in_the_framework_s_messages()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Playback
            {
                public void Start(string profileId, string deviceClass, string accountNumber, string register)
                {
                    try
                    {
                        if (deviceClass.Length > 8)
                        {
                            throw new ArgumentException($"Unknown device class {deviceClass}", nameof(deviceClass));
                        }
                        if (profileId.Length != 12)
                        {
                            throw new ArgumentOutOfRangeException(nameof(profileId), profileId, "Not on this subscription.");
                        }
                    }
                    catch (ArgumentOutOfRangeException ex)
                    {
                        Activity.Current?.SetTag("playback.bad_value", {|TC1001:ex.ActualValue|});
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                        Activity.Current?.SetTag("playback.bad_argument", ex.ParamName);
                    }
                    catch (ArgumentException ex)
                    {
                        Activity.Current?.SetTag("playback.bad_argument", ex.ParamName);
                    }

                    try
                    {
                        _ = long.Parse(accountNumber, NumberStyles.None, CultureInfo.InvariantCulture);
                        _ = int.Parse(register, CultureInfo.InvariantCulture);
                    }
                    catch (FormatException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_catch_sees_only_the_created_exceptions_of_its_type_or_a_derived_one()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Enquiry
            {
                public void Check(string uci, string serviceCode)
                {
                    try
                    {
                        if (serviceCode.Length != 4)
                        {
                            throw new ArgumentOutOfRangeException(nameof(serviceCode), serviceCode, "Unknown service code.");
                        }
                        if (uci.Length != 13)
                        {
                            throw new ArgumentException($"'{uci}' is not a unique candidate identifier.", nameof(uci));
                        }
                    }
                    catch (ArgumentOutOfRangeException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    }
                    catch (ArgumentException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_list_of_collected_exceptions_and_an_aggregate_made_from_it_say_what_was_added()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class DeviceBusyException(string meterSerial) : Exception($"Meter {meterSerial} is busy");

            public sealed class Reads
            {
                public void Read(string meterSerial, string registerCode)
                {
                    var errors = new List<Exception>();
                    var timeouts = new List<Exception>();
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try
                        {
                            throw new DeviceBusyException(meterSerial);
                        }
                        catch (DeviceBusyException ex)
                        {
                            errors.Add(ex);
                            timeouts.Add(new TimeoutException($"Register {registerCode} timed out"));
                        }
                    }
                    Activity.Current?.SetTag("read.last_error", {|TC1001:errors[^1].Message|});
                    Activity.Current?.SetTag("read.last_timeout", timeouts[^1].Message);
                    var summary = new AggregateException("Read failed", errors);
                    Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:summary.Message|});
                    Activity.Current?.SetStatus(ActivityStatusCode.Error, new AggregateException("Timed out", timeouts).Message);
                }
            }
            """);
    }

    [Fact]
    public async Task A_duplicate_key_s_exception_quotes_the_key()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record Discharge(string HospitalNumber, string WardCode);

            public sealed class Discharges
            {
                public void Index(IReadOnlyList<Discharge> discharges, string hospitalNumber)
                {
                    try
                    {
                        _ = System.Linq.Enumerable.ToDictionary(discharges, d => d.HospitalNumber);
                    }
                    catch (ArgumentException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                    try
                    {
                        _ = System.Linq.Enumerable.ToDictionary(discharges, d => d.WardCode);
                        new Dictionary<string, int>().Add("ward", 1);
                    }
                    catch (ArgumentException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    }
                    try
                    {
                        new Dictionary<string, int>().Add(hospitalNumber, 1);
                    }
                    catch (ArgumentException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_exception_s_data_holds_what_the_source_puts_in_it_on_the_way_up()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class RenewalFailedException(string message) : Exception(message);

            public sealed class Renewals
            {
                public void Renew(string planCode, string subscriberEmail, int attempts)
                {
                    var failed = new RenewalFailedException("Renewal declined");
                    failed.Data["plan"] = planCode;
                    failed.Data["attempts"] = attempts;
                    failed.Data.Add("email", subscriberEmail);
                    throw failed;
                }

                public void Report(Exception ex, Activity activity)
                {
                    foreach (DictionaryEntry entry in ex.Data)
                    {
                        activity.SetTag($"renewal.error.{entry.Key}", {|TC1001:entry.Value|});
                    }
                    activity.SetTag("renewal.plan", ex.Data["plan"]);
                    activity.SetTag("renewal.email", {|TC1001:ex.Data["email"]|});
                    activity.SetTag("renewal.data.size", ex.Data.Count);
                    activity.SetTag("renewal.data.keys", string.Join(",", ex.Data.Keys.Cast<object>()));
                }
            }
            """);
    }
}
