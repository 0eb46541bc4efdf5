namespace PrivacyHoldout86.Healthcare;

/// <summary>
/// ASP.NET Core HTTP logging for the appointment booking API. Clients send the patient's NHS number in
/// <c>X-Nhs-Number</c> (the NHS App integration) and the booking body as JSON
/// (<c>{ "nhsNumber", "slotId", "reason" }</c>, the reason typed by the patient). Its paths carry slot and booking ids only.
/// </summary>
public static class BookingHttpLoggingSetup
{
    public static void Configure(HttpLoggingOptions options)
    {
        options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration; // clean precision-names
        options.RequestHeaders.Add("X-Correlation-Id"); // clean precision-names
        options.RequestHeaders.Add("X-Nhs-Number"); // leak TC1001 direct
        options.ResponseHeaders.Add("Retry-After"); // clean precision-names
        options.CombineLogs = true;
    }

    public static void ConfigureW3C(W3CLoggerOptions options)
    {
        options.LoggingFields = W3CLoggingFields.Date | W3CLoggingFields.Time | W3CLoggingFields.Method | W3CLoggingFields.UriStem | W3CLoggingFields.ProtocolStatus | W3CLoggingFields.TimeTaken; // clean precision-names
        options.AdditionalRequestHeaders.Add("X-Request-Source"); // clean precision-names
        options.FileName = "booking-w3c";
    }
}

public sealed partial class BookingLoggingInterceptor(
    ILogger<BookingLoggingInterceptor> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : IHttpLoggingInterceptor
{
    private static readonly string[] PatientHeaders = ["X-Nhs-Number", "X-Patient-Email"];

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        var http = logContext.HttpContext;
        var template = PathNormalizer.Template(http);

        if (logContext.TryDisable(HttpLoggingFields.RequestPath))
        {
            logContext.AddParameter("RequestPath", template); // clean precision-about
        }

        if (http.Request.Headers.TryGetValue("X-Nhs-Number", out var nhsNumber))
        {
            logContext.AddParameter("patient", pseudonymizer.ComputeCareaccessPatientId(nhsNumber)); // clean precision-pseudonym
            logContext.AddParameter("patient_shard", Shard.Of(secrets.ShardKey, nhsNumber, 32)); // clean hashes
            logContext.AddParameter("patient_ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..16]); // leak TC1002 hashes
        }

        foreach (var header in PatientHeaders.Where(http.Request.Headers.ContainsKey))
        {
            logContext.AddParameter("patient_header", header); // clean precision-names
        }

        if (http.Request.Headers.TryGetValue("X-Patient-Email", out var email))
        {
            logContext.AddParameter("patient_email", email); // leak TC1001 direct
            logContext.AddParameter("patient_email_domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
        }

        logContext.AddParameter("client_network", IpMask.Truncate(http.Connection.RemoteIpAddress)); // clean precision-about
        logContext.AddParameter("client_ip", http.Connection.RemoteIpAddress?.ToString()); // leak TC1001 direct
        return ValueTask.CompletedTask;
    }

    public async ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
    {
        var http = logContext.HttpContext;
        if (http.Response.StatusCode < 400)
        {
            logContext.TryDisable(HttpLoggingFields.RequestBody | HttpLoggingFields.ResponseBody);
            return;
        }

        var body = await http.Request.ReadBodyAsStringAsync();
        BookingRejected(logger, http.Response.StatusCode, body.Length); // clean precision-about
        logger.LogWarning("Booking rejected with {Status}: {Body}", http.Response.StatusCode, body); // leak TC1001 direct

        try
        {
            var booking = JsonSerializer.Deserialize<BookingRequest>(body);
            logContext.AddParameter("slot", booking?.SlotId); // clean precision-about
            logger.LogInformation("Rejected booking {Booking}", booking); // leak TC1001 logging-objects
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Rejected booking body did not parse at {Path}", ex.Path); // clean exceptions
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Booking rejected with {Status}, body of {Length} characters")]
    private static partial void BookingRejected(ILogger logger, int status, int length);
}

public sealed record BookingRequest(string NhsNumber, string SlotId, string Reason);
