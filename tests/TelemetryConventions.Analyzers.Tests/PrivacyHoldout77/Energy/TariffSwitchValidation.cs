using Fluentkit;

namespace PrivacyHoldout77.Energy;

public sealed record TariffSwitchRequest(string AccountNumber, string TariffCode, string? MeterSerial, string PaymentMethod, DateOnly SwitchOn, string ContactEmail);

public sealed class TariffSwitchValidator : AbstractValidator<TariffSwitchRequest>
{
    private static readonly string[] Tariffs = { "FIX-12M-V4", "FLEX-EV", "TRACKER-OCT", "STANDARD-VAR" };

    public TariffSwitchValidator()
    {
        RuleFor(r => r.AccountNumber).NotEmpty().Matches(@"^A-\d{8}$").WithErrorCode("ACCOUNT_FORMAT");
        RuleFor(r => r.TariffCode).Must(t => Tariffs.Contains(t)).WithMessage(r => $"Tariff '{r.TariffCode}' is not on sale.").WithErrorCode("TARIFF_NOT_AVAILABLE");
        RuleFor(r => r.MeterSerial).Must((r, serial) => serial is null || !r.TariffCode.StartsWith("FLEX", StringComparison.Ordinal) || serial.StartsWith("Z", StringComparison.Ordinal))
            .WithMessage(r => $"Meter {r.MeterSerial} on account {r.AccountNumber} is not a smart meter; {r.TariffCode} needs one.").WithErrorCode("SMART_METER_REQUIRED");
        RuleFor(r => r.ContactEmail).NotEmpty().EmailAddress();
    }
}

public sealed class TariffSwitchEndpoint(IValidator<TariffSwitchRequest> validator, IIdempotencyStore idempotency, ILogger<TariffSwitchEndpoint> logger, Pseudonymizer pseudonymizer, Meter meter, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Supply.Tariffs");
    private readonly Counter<long> _switches = meter.CreateCounter<long>("supplyapi.tariff.switch_requests", "{request}");

    public async Task<ActionResult> SwitchAsync(ApiCall call, TariffSwitchRequest request, CancellationToken cancellationToken)
    {
        var clientKey = call.Headers.TryGetValue("Idempotency-Key", out var header) && Guid.TryParse(header, out var parsed) ? parsed.ToString("N") : null;
        Activity.Current?.SetTag("supplyapi.idempotency.client_key", clientKey); // clean precision-about

        var key = clientKey ?? $"switch:{request.AccountNumber}:{request.TariffCode}:{request.SwitchOn:yyyyMMdd}";
        try
        {
            if (!await idempotency.TryBeginAsync(key, TimeSpan.FromHours(24), cancellationToken))
            {
                throw new IdempotencyConflictException(key);
            }
        }
        catch (IdempotencyConflictException ex)
        {
            logger.LogWarning(ex, "Duplicate tariff switch"); // leak TC1001 exceptions
            return new BadRequestResult("A switch with this key is in progress.");
        }

        using var span = Source.StartSupplyapiValidation(call.RequestedVersion.ToString()); // clean precision-about
        span.SetSupplyapiAccountId(pseudonymizer.PseudonymizeSupplyapiAccountId(request.AccountNumber)); // clean precision-pseudonym
        var result = validator.Validate(request);
        _switches.Add(1, new TagList { { "tariff", request.TariffCode }, { "valid", result.IsValid } }); // clean precision-about
        if (result.IsValid)
        {
            return new OkResult(null);
        }

        var errors = result.ToDictionary();
        var problem = new ValidationProblemDetails(errors) { Type = "https://api.supply.example/problems/validation", Instance = call.RouteTemplate };
        problem.Extensions["codes"] = result.Errors.Select(e => e.ErrorCode).ToArray();

        span.SetSupplyapiFailureCount(result.Errors.Count).SetSupplyapiValidationRule(string.Join(",", problem.Extensions["codes"] as string[] ?? Array.Empty<string>())); // clean precision-about
        logger.LogWarning("Tariff switch invalid on {Fields}", string.Join(",", errors.Keys)); // clean precision-names
        logger.LogWarning("Tariff switch invalid: {Errors}", string.Join("; ", errors.SelectMany(e => e.Value))); // leak TC1001 strings
        logger.LogSupplyapiValidationFailedEvent(call.RouteTemplate, result.Errors.Count, supplyapiErrorCode: result.Errors[0].ErrorCode, supplyapiNote: $"{result.Errors.Count} failures on {string.Join(",", errors.Keys)}"); // clean generated-api

        var tariffFailure = result.Errors.FirstOrDefault(e => e.ErrorCode == "TARIFF_NOT_AVAILABLE");
        if (tariffFailure is not null)
        {
            Activity.Current?.AddEvent(new ActivityEvent("tariff.unavailable", tags: new ActivityTagsCollection { ["message"] = tariffFailure.ErrorMessage, ["attempted"] = tariffFailure.AttemptedValue })); // clean precision-about
        }

        var meterFailure = result.Errors.FirstOrDefault(e => e.ErrorCode == "SMART_METER_REQUIRED");
        if (meterFailure is not null)
        {
            span.SetSupplyapiNote(meterFailure.ErrorMessage); // leak TC1001 generated-api
        }

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var lane = hmac.ComputeHash(Encoding.UTF8.GetBytes(request.AccountNumber))[0] % 16;
        Activity.Current?.SetTag("supplyapi.review.lane", lane); // clean hashes
        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.AccountNumber + request.TariffCode)))[..16];
        logger.LogDebug("Switch review dedupe {Dedupe}", dedupe); // leak TC1002 hashes
        return new BadRequestResult(null);
    }
}
