using System.Text.Json;

namespace PrivacyHoldout67.Healthcare;

public sealed record ResultNotification(string OrderId, string HospitalNumber, string NhsNumber, string PracticeOdsCode, string PatientMobile, int ResultCount);

public sealed record ViewedResult(string OrderId, string TestCode, DateTimeOffset ReportedAt);

public interface IResultArchive
{
    Task<IReadOnlyList<ViewedResult>> ForPatientAsync(string hospitalNumber, string orderId, CancellationToken cancellationToken);
}

/// <summary>The SMS gateway refused a number; its message quotes the number it was given.</summary>
public sealed class SmsRejectedException(string mobile, string reason) : Exception($"Gateway refused {mobile}: {reason}");

public interface ISmsGateway
{
    Task SendAsync(string mobile, string templateId, CancellationToken cancellationToken);
}

/// <summary>Posts results to the patient's GP practice and texts the patient that results are in.</summary>
public sealed class GpResultNotifier(HttpClient http, ISmsGateway sms, Pseudonymizer pseudonymizer, ILogger<GpResultNotifier> logger)
{
    private static readonly ActivitySource Source = new("Trust.Labs.GpNotifier");
    private const string ResultsReadyTemplateId = "sms-results-ready-v3";

    public async Task NotifyAsync(ResultNotification notification, CancellationToken ct)
    {
        using var activity = StartPracticeCall(notification); // leak TC1001 cross-member
        using var request = new HttpRequestMessage(HttpMethod.Post, $"practices/{notification.PracticeOdsCode}/results");
        request.Content = new StringContent(JsonSerializer.Serialize(notification));
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(activity?.Context ?? default, Baggage.Current), request, static (r, key, value) => r.Headers.TryAddWithoutValidation(key, value));
        activity?.SetTag("url.path", request.RequestUri?.OriginalString); // clean direct
        try
        {
            using var response = await http.SendAsync(request, ct);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "GP notification for order {OrderId} failed", notification.OrderId); // clean exceptions
        }

        await TextPatientAsync(notification, ct);
    }

    // One client span per practice call, named from the route; the tags come from the notification.
    private Activity? StartPracticeCall(ResultNotification notification)
    {
        var activity = Source.StartActivity($"POST practices/{notification.PracticeOdsCode}/results", ActivityKind.Client); // clean strings
        activity?.SetTag("gp.practice", notification.PracticeOdsCode);
        activity?.SetTag("lab.result.count", notification.ResultCount);
        activity?.SetTag("patient.nhs_number", notification.NhsNumber); // leak TC1001 direct
        activity?.SetTag(LabflowAttributes.PatientId, pseudonymizer.ComputeLabflowPatientId(notification.HospitalNumber)); // clean precision-pseudonym
        return activity;
    }

    private async Task TextPatientAsync(ResultNotification notification, CancellationToken ct)
    {
        using var activity = Source.StartActivity("sms results-ready", ActivityKind.Client);
        activity?.SetTag("sms.template", ResultsReadyTemplateId); // clean precision-names
        activity?.SetTag("sms.country_prefix", notification.PatientMobile[..3]); // clean precision-about
        try
        {
            await sms.SendAsync(notification.PatientMobile, ResultsReadyTemplateId, ct);
        }
        catch (SmsRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag(LabflowAttributes.PatientContact, notification.PatientMobile); // leak TC1001 generated-api
            logger.LogWarning("Results SMS refused for order {OrderId}: {ErrorType}", notification.OrderId, ex.GetType().Name); // clean exceptions
        }
    }
}

/// <summary>The ward kiosk's results viewer. Baggage is set at the edge and read deep in the viewer.</summary>
public static class ResultViewerEndpoints
{
    public static void Map(EndpointRoutes routes) =>
        routes.MapGet("/patients/{hospitalNumber}/results/{orderId}", ViewAsync);

    private static async Task<ActionResult> ViewAsync(string hospitalNumber, string orderId, HttpContextInfo http, ResultViewer viewer, Pseudonymizer pseudonymizer)
    {
        var server = Activity.Current;
        if (server is not null)
        {
            server.DisplayName = $"GET /patients/{{hospitalNumber}}/results/{orderId}"; // clean strings
        }
        Baggage.SetBaggage("kiosk.ward", http.RequestHeaders["X-Kiosk-Ward"]); // clean direct
        Baggage.SetBaggage("patient.hospital_number", hospitalNumber); // leak TC1001 direct
        Baggage.SetBaggage("patient.ref", pseudonymizer.ComputeLabflowPatientId(hospitalNumber)); // clean precision-pseudonym
        server?.SetCustomProperty("kiosk.patient", hospitalNumber); // clean direct
        var results = await viewer.LoadAsync(orderId, http.User, CancellationToken.None);
        return new OkResult(results);
    }
}

public sealed class ResultViewer(IResultArchive archive, ILogger<ResultViewer> logger)
{
    private static readonly ActivitySource Source = new("Trust.Labs.Viewer");

    public async Task<IReadOnlyList<ViewedResult>> LoadAsync(string orderId, ClaimsUser viewer, CancellationToken ct)
    {
        // The kiosk route put the patient in baggage; the archive call needs the number again.
        var hospitalNumber = Baggage.GetBaggage("patient.hospital_number") ?? string.Empty;
        using var activity = Source.StartActivity("labs.archive read");
        activity?.SetTag("kiosk.ward", Baggage.GetBaggage("kiosk.ward")); // clean direct
        var results = await archive.ForPatientAsync(hospitalNumber, orderId, ct);
        activity?.SetTag("lab.results.returned", results.Count);
        logger.LogInformation("Kiosk read {Count} results of {Patient} for {Viewer}", results.Count, hospitalNumber, viewer.SubjectId); // leak TC1001 cross-member
        logger.LogInformation("Kiosk read results for order {OrderId}: {Tests}", orderId, results.Select(r => r.TestCode).ToArray()); // clean logging-objects
        if (Activity.Current?.Parent?.GetCustomProperty("kiosk.patient") is string patient)
        {
            activity?.AddEvent(new ActivityEvent("kiosk.audit", tags: new ActivityTagsCollection { ["kiosk.patient"] = patient })); // leak TC1001 cross-member
        }
        return results;
    }
}
