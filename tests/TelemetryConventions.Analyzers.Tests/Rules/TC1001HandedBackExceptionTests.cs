using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 on exceptions a framework hands back to the source (an exception handler's parameter, a
/// filter context's exception, a catch around the pipeline's next step) and on exceptions matched by
/// type: they say what the source throws of that type.
/// </summary>
public class TC1001HandedBackExceptionTests
{
    private const string Usings = """
        using System;
        using System.Diagnostics;
        using System.Threading.Tasks;

        public sealed class PatientNotFoundException(string hospitalNumber) : Exception($"No patient with hospital number {hospitalNumber}");

        public sealed class WardClosedException(string ward) : Exception($"Ward {ward} is closed");

        public interface IExceptionHandler
        {
            bool TryHandle(object context, Exception exception);
        }

        public sealed class ErrorContext
        {
            public Exception? Exception { get; init; }
        }

        """;

    /// <summary>gRPC's status and exception as a package has them: compiled apart, no bodies in sight.</summary>
    private const string GrpcLibrary = """
        namespace Grpc.Core
        {
            public enum StatusCode { NotFound = 5, InvalidArgument = 3, DeadlineExceeded = 4 }

            public readonly struct Status
            {
                public Status(StatusCode statusCode, string detail) { StatusCode = statusCode; Detail = detail; }
                public StatusCode StatusCode { get; }
                public string Detail { get; }
                public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
            }

            public class RpcException : System.Exception
            {
                public RpcException(Status status) : base(status.ToString()) { Status = status; }
                public Status Status { get; }
                public StatusCode StatusCode => Status.StatusCode;
            }
        }
        """;

    private const string Throwers = """

        public sealed class PatientQueries
        {
            public string Find(string hospitalNumber) => throw new PatientNotFoundException({|TC1001:hospitalNumber|});

            public string Ward(string ward) => throw new WardClosedException(ward);
        }
        """;

    [Fact]
    public async Task A_caught_exception_of_the_source_s_type_quotes_what_a_call_out_of_sight_was_given_under_the_same_name()
    {
        // Nothing in the source throws it: the feature store's client does, and its message quotes the
        // entity key it was asked for, a parameter of the same name as the client's.
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class FeatureRowMissingException(string featureView, string entityKey)
                : Exception($"No row in '{featureView}' for '{entityKey}'");

            public interface IFeatureStore
            {
                Task<double[]> GetOnlineFeaturesAsync(string featureView, string entityKey);
            }

            public sealed class Scoring(IFeatureStore features, Microsoft.Extensions.Logging.ILogger<Scoring> logger)
            {
                public async Task ScoreAsync(string studentNumber, string courseCode)
                {
                    try
                    {
                        await features.GetOnlineFeaturesAsync("engagement", studentNumber);
                    }
                    catch (FeatureRowMissingException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                    try
                    {
                        await features.GetOnlineFeaturesAsync("course", courseCode);
                    }
                    catch (FeatureRowMissingException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_caught_exception_quotes_what_a_call_out_of_sight_was_given_in_a_request_object_under_the_same_name()
    {
        // The console's policy quotes the account it refused; the call was handed it as the request's TargetId.
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ImpersonationDeniedException(string targetId, string rule)
                : Exception($"Impersonation of '{targetId}' refused by rule {rule}");

            public sealed record ImpersonationRequest(string TargetId, string ReasonCode);
            public sealed class LookupRequest { public string TargetId { get; init; } = ""; public string Reason { get; init; } = ""; }

            public interface IImpersonation
            {
                Task StartAsync(string operatorRole, ImpersonationRequest request);
                Task LookupAsync(LookupRequest request);
            }

            public sealed class LoginAs(IImpersonation impersonation)
            {
                public async Task OpenAsync(string studentNumber, string reasonCode, string role)
                {
                    try
                    {
                        await impersonation.StartAsync(role, new ImpersonationRequest(studentNumber, reasonCode));
                    }
                    catch (ImpersonationDeniedException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                    try
                    {
                        var request = new LookupRequest { TargetId = studentNumber, Reason = reasonCode };
                        await impersonation.LookupAsync(request);
                    }
                    catch (ImpersonationDeniedException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                    try
                    {
                        await impersonation.StartAsync(role, new ImpersonationRequest("demo-account", reasonCode));
                    }
                    catch (ImpersonationDeniedException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_caught_exception_that_quotes_the_text_or_recipient_it_was_given_quotes_the_text_arguments_of_the_call_out_of_sight()
    {
        // A sender's failure quotes where it could not deliver, a resolver's the text it could not place,
        // whatever the call names them. A broker's quotes its destination, a parameter the call names
        // itself (a queue); a provider's text beside its code is the provider's own wording.
        await VerifyCS.AnalyzerAsync(Usings + """
            public enum Channel { Sms, Email }
            public sealed class DeliveryFailedException(Channel channel, string destination, string reason)
                : Exception($"{channel} delivery to {destination} failed: {reason}");
            public sealed class PlaceNotResolvedException(string text) : Exception($"No place matches '{text}'");
            public sealed class BrokerUnavailableException(string destination, string status) : Exception($"Publish to '{destination}' failed: {status}");
            public sealed class ProviderException(string code, string text) : Exception($"{code}: {text}");

            public interface ISender { Task SendAsync(string to, string subject, string body); }
            public interface IPlaces { Task<string> ResolveAsync(string query); }
            public interface IBroker { Task PublishAsync(string destination, string partitionKey, string content); }
            public interface IChecks { Task CheckAsync(string licenceNumber); }

            public sealed class Notices(ISender sender, IPlaces places, IBroker broker, IChecks checks)
            {
                public async Task SendAsync(string guardianEmail, string postcode, string accountNumber, string licenceNumber)
                {
                    try { await sender.SendAsync(guardianEmail, "Report", "Your report is ready"); }
                    catch (DeliveryFailedException ex) { Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|}); }
                    try { await places.ResolveAsync(postcode); }
                    catch (PlaceNotResolvedException ex) { Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|}); }
                    try { await broker.PublishAsync("reminders", accountNumber, $"{{\"account\":\"{accountNumber}\"}}"); }
                    catch (BrokerUnavailableException ex) { Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); }
                    try { await checks.CheckAsync(licenceNumber); }
                    catch (ProviderException ex) { Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); }
                }
            }
            """);
    }

    [Fact]
    public async Task A_caught_exception_that_quotes_the_value_it_could_not_take_quotes_what_the_call_out_of_sight_was_given()
    {
        // The parser's exception quotes "the value" whatever the parser calls its parameter: it is one of
        // the failing call's arguments. One that quotes only a field name or a status says nothing of them.
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class AddressValidationException(string component, string? value)
                : Exception($"Could not parse {component} '{value}'");

            public sealed class LookupUnavailableException(string component, int statusCode)
                : Exception($"{component} lookup answered {statusCode}");

            public sealed record Resident(string HomeAddress, string Postcode);

            public interface IAddressParser
            {
                Task<string> StandardiseAsync(string line1, string postcode);
            }

            public sealed class Demographics(IAddressParser parser, Microsoft.Extensions.Logging.ILogger<Demographics> logger)
            {
                public async Task CheckAsync(string homeAddress, string postcode, string wardCode)
                {
                    try
                    {
                        await parser.StandardiseAsync(homeAddress, postcode);
                    }
                    catch (AddressValidationException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                    }
                    try
                    {
                        await parser.StandardiseAsync(wardCode, "n/a");
                    }
                    catch (AddressValidationException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    }
                    try
                    {
                        await parser.StandardiseAsync(homeAddress, postcode);
                    }
                    catch (LookupUnavailableException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    }
                    // Kept, not read: an object handed to a collection is not the input a parser quotes.
                    var pending = new System.Collections.Generic.List<Resident>();
                    try
                    {
                        pending.Add(new Resident(homeAddress, postcode));
                    }
                    catch (AddressValidationException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_exception_parameter_whose_type_builds_its_message_from_an_identifier_holds_one_with_no_thrower_in_sight()
    {
        // Nothing in the source creates them: whoever calls these handlers hands over what its own
        // code made, and the type says what every message holds.
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Rejections(Microsoft.Extensions.Logging.ILogger<Rejections> logger)
            {
                public void On(PatientNotFoundException missing, WardClosedException closed)
                {
                    Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:missing.Message|});
                    Activity.Current?.SetStatus(ActivityStatusCode.Error, closed.Message);
                }
            }
            """);
    }

    [Fact]
    public async Task An_exception_matched_by_its_type_says_what_the_source_throws_of_that_type()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ErrorFilter
            {
                public void OnError(ErrorContext context)
                {
                    switch (context.Exception)
                    {
                        case PatientNotFoundException notFound:
                            Activity.Current?.SetTag("error.detail", {|TC1001:notFound.Message|});
                            break;
                        case WardClosedException closed:
                            Activity.Current?.SetTag("error.detail", closed.Message);
                            break;
                    }
                    if (context.Exception is PatientNotFoundException missing)
                    {
                        Activity.Current?.AddException({|TC1001:missing|});
                    }
                }
            }
            """ + Throwers);
    }

    [Fact]
    public async Task A_handler_the_framework_calls_sees_every_exception_the_source_lets_out()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ProblemHandler : IExceptionHandler
            {
                public bool TryHandle(object context, Exception exception)
                {
                    Activity.Current?.SetTag("error.type", exception.GetType().Name);
                    Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:exception.Message|});
                    return true;
                }
            }

            public sealed class FilterContextLogging
            {
                public void OnException(ErrorContext context) =>
                    Activity.Current?.AddException({|TC1001:context.Exception|}!);
            }

            public sealed class ExceptionBehavior
            {
                public async Task<T> Handle<T>(Func<Task<T>> next)
                {
                    try
                    {
                        return await next();
                    }
                    catch (Exception ex)
                    {
                        Activity.Current?.AddException({|TC1001:ex|});
                        throw;
                    }
                }
            }
            """ + Throwers);
    }

    [Fact]
    public async Task A_handler_is_clean_when_every_exception_naming_a_person_is_caught_in_the_source()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ProblemHandler : IExceptionHandler
            {
                public bool TryHandle(object context, Exception exception)
                {
                    Activity.Current?.SetStatus(ActivityStatusCode.Error, exception.Message);
                    return true;
                }
            }

            public sealed class PatientQueries
            {
                public string? Find(string hospitalNumber)
                {
                    try
                    {
                        throw new PatientNotFoundException(hospitalNumber);
                    }
                    catch (PatientNotFoundException)
                    {
                        return null;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task The_last_branch_of_a_handler_sees_only_what_its_other_branches_did_not_match()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class ProblemHandler : IExceptionHandler
            {
                public bool TryHandle(object context, Exception exception)
                {
                    switch (exception)
                    {
                        case PatientNotFoundException:
                            Activity.Current?.SetTag("error.kind", "not-found");
                            return true;
                        default:
                            Activity.Current?.SetStatus(ActivityStatusCode.Error, exception.Message);
                            return false;
                    }
                }
            }

            public sealed class OtherHandler : IExceptionHandler
            {
                public bool TryHandle(object context, Exception exception)
                {
                    if (exception is PatientNotFoundException)
                    {
                        return true;
                    }
                    else
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, exception.Message);
                        return false;
                    }
                }
            }

            public sealed class GuardedHandler : IExceptionHandler
            {
                public bool TryHandle(object context, Exception exception)
                {
                    switch (exception)
                    {
                        case PatientNotFoundException when context is null:
                            return true;
                        default:
                            // A guarded case takes only some of the PatientNotFoundExceptions.
                            Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:exception.Message|});
                            return false;
                    }
                }
            }

            public sealed class ThirdHandler : IExceptionHandler
            {
                public bool TryHandle(object context, Exception exception)
                {
                    var detail = exception switch
                    {
                        PatientNotFoundException => "No such patient",
                        _ => exception.Message,
                    };
                    Activity.Current?.SetStatus(ActivityStatusCode.Error, detail);
                    return true;
                }
            }
            """ + Throwers);
    }

    [Fact]
    public async Task A_redis_timeout_quotes_the_keys_of_the_commands_it_was_caught_around()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public readonly struct RedisKey
            {
                private readonly string _key;
                public RedisKey(string key) => _key = key;
                public static implicit operator RedisKey(string key) => new(key);
                public override string ToString() => _key;
            }

            public interface IDatabase
            {
                Task<string?> StringGetAsync(RedisKey key);
            }

            public sealed class RedisTimeoutException(string message) : TimeoutException(message);

            public sealed class RedisConnectionException(string message) : Exception(message);

            public sealed class RecentPatients(IDatabase redis, Microsoft.Extensions.Logging.ILogger<RecentPatients> logger)
            {
                public async Task<string?> ReadAsync(string staffNumber, string wardCode)
                {
                    try
                    {
                        return await redis.StringGetAsync($"recent:{staffNumber}");
                    }
                    catch (RedisTimeoutException ex)
                    {
                        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, {|TC1001:ex|}, "Recent patients read timed out");
                    }
                    catch (RedisConnectionException ex)
                    {
                        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, ex, "Redis unreachable");
                    }
                    try
                    {
                        return await redis.StringGetAsync($"ward:{wardCode}");
                    }
                    catch (RedisTimeoutException ex)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    }
                    return null;
                }
            }
            """);
    }

    [Fact]
    public async Task A_status_object_given_to_an_exception_puts_its_detail_in_the_message_whether_the_exception_is_a_library_s_or_the_source_s()
    {
        // gRPC's RpcException prints its status, detail included, into its message; a project's own
        // exception built the same way does too, through a constructor in sight that the flow cannot
        // read to the detail (the status's text is kept behind a member read in ToString).
        await VerifyCS.AnalyzerWithLibraryAsync(Usings + """
            public sealed class ServiceFault(Grpc.Core.Status status) : Exception(status.ToString());

            public sealed class PatientRecords
            {
                public Activity? Current { get; init; }

                public void Find(string nhsNumber, string ward)
                {
                    var missing = new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, $"No patient with NHS number {nhsNumber}"));
                    Current?.AddException({|TC1001:missing|});
                    var closed = new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.InvalidArgument, $"Ward {ward} is closed"));
                    Current?.AddException(closed);
                    Current?.AddException(new ServiceFault(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, $"No patient with NHS number {{|TC1001:nhsNumber|}}")));
                    Current?.AddException(new ServiceFault(new Grpc.Core.Status(Grpc.Core.StatusCode.InvalidArgument, $"Ward {ward} is closed")));
                }
            }
            """, GrpcLibrary);
    }

    [Fact]
    public async Task A_deadline_or_a_cancellation_caught_by_its_status_code_carries_the_client_s_own_detail()
    {
        await VerifyCS.AnalyzerWithLibraryAsync(Usings + """
            public sealed class PatientLookup
            {
                public string Find(string nhsNumber) =>
                    // Every caller catches it: reported where a catch sends it on, not here.
                    throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, $"No patient with NHS number {nhsNumber}"));
            }

            public sealed class DischargeLetters(PatientLookup lookup, Microsoft.Extensions.Logging.ILogger<DischargeLetters> logger)
            {
                public string? Letter(string nhsNumber)
                {
                    try
                    {
                        return lookup.Find(nhsNumber);
                    }
                    catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.DeadlineExceeded)
                    {
                        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, ex, "Patient index too slow");
                        return null;
                    }
                    catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.NotFound)
                    {
                        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, {|TC1001:ex|}, "No such patient");
                        return null;
                    }
                }
            }
            """, GrpcLibrary);
    }
}
