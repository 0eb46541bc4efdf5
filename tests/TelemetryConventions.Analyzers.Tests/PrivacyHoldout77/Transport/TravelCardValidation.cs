using Fluentkit;

namespace PrivacyHoldout77.Transport;

public sealed record CardRegistrationRequest(string CardNumber, string RiderEmail, string? Postcode, string Concession);

public static class Cards
{
    public static bool LuhnValid(string number)
    {
        var sum = 0;
        var alternate = false;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            var digit = number[i] - '0';
            if (alternate && (digit *= 2) > 9)
            {
                digit -= 9;
            }
            sum += digit;
            alternate = !alternate;
        }
        return sum % 10 == 0;
    }

    public static string LastFour(string? number) => number is { Length: > 4 } ? "…" + number[^4..] : "…";
}

public interface IHotlist
{
    bool IsHotlisted(string cardNumber);
}

public sealed class CardRegistrationValidator : AbstractValidator<CardRegistrationRequest>
{
    public CardRegistrationValidator(IHotlist hotlist)
    {
        RuleFor(r => r.CardNumber).NotEmpty().Must(Cards.LuhnValid).WithErrorCode("CARD_CHECKSUM");
        RuleFor(r => r.CardNumber).Must(c => !hotlist.IsHotlisted(c)).WithMessage(r => $"Card {r.CardNumber} is hotlisted.").WithErrorCode("CARD_HOTLISTED");
        RuleFor(r => r.RiderEmail).NotEmpty().EmailAddress();
        RuleFor(r => r.Concession).Must(c => c is "adult" or "child" or "senior" or "student").WithMessage(r => $"Concession '{r.Concession}' is not offered.");
    }
}

public sealed class CardRegistrationEndpoint(CardRegistrationValidator validator, ILogger<CardRegistrationEndpoint> logger, Meter meter)
{
    private readonly Counter<long> _refused = meter.CreateCounter<long>("transitapi.cards.refused", "{registration}");
    private readonly Counter<long> _hotlistHits = meter.CreateCounter<long>("transitapi.cards.hotlist_hits", "{registration}");

    public ActionResult Register(ApiCall call, CardRegistrationRequest request)
    {
        var result = validator.Validate(request);
        if (result.IsValid)
        {
            return new OkResult(null);
        }

        Activity.Current.EnrichTransitapiRequest(call.RouteTemplate).SetTransitapiFailureCount(result.Errors.Count); // clean precision-about
        foreach (var failure in result.Errors)
        {
            _refused.Add(1, new TagList { { "property", failure.PropertyName }, { "code", failure.ErrorCode } }); // clean precision-names
            var shown = failure.PropertyName == nameof(CardRegistrationRequest.CardNumber) ? Cards.LastFour(failure.AttemptedValue as string) : failure.ErrorCode;
            logger.LogInformation("Registration refused: {Property} {Code} ({Shown})", failure.PropertyName, failure.ErrorCode, shown); // clean precision-about
        }

        var hotlisted = result.Errors.FirstOrDefault(e => e.ErrorCode == "CARD_HOTLISTED");
        if (hotlisted is not null)
        {
            _hotlistHits.Add(1, new TagList { { "card", hotlisted.AttemptedValue } }); // leak TC1003 direct
            Activity.Current?.SetStatus(ActivityStatusCode.Error, hotlisted.ErrorMessage); // leak TC1001 exceptions
        }

        var concession = result.Errors.FirstOrDefault(e => e.PropertyName == nameof(CardRegistrationRequest.Concession));
        if (concession is not null)
        {
            logger.LogInformation("{Message}", concession.ErrorMessage); // clean precision-about
        }

        logger.LogDebug("Failures {Failures}", result.Errors.Select(e => new { e.PropertyName, e.ErrorCode, e.AttemptedValue })); // leak TC1001 logging-objects
        logger.LogDebug("Failures {Failures}", result.Errors.Select(e => new { e.PropertyName, e.ErrorCode, e.Severity })); // clean logging-objects
        logger.LogTransitapiValidationFailedEvent(call.RouteTemplate, result.Errors.Count, transitapiValidationProperty: result.Errors[0].PropertyName, transitapiErrorCode: result.Errors[0].ErrorCode); // clean precision-names
        return new BadRequestResult(null);
    }
}
