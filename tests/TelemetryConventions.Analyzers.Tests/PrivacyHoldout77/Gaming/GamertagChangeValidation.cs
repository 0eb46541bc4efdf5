using Fluentkit;

namespace PrivacyHoldout77.Gaming;

public sealed record GamertagChangeRequest(Guid PlayerId, string NewGamertag, string? Reason);

public interface IGamertagIndex
{
    bool IsTaken(string gamertag);

    bool IsBlocked(string gamertag);
}

public sealed class GamertagChangeValidator : AbstractValidator<GamertagChangeRequest>
{
    public GamertagChangeValidator(IGamertagIndex index)
    {
        RuleFor(r => r.NewGamertag).NotEmpty().MaximumLength(15).Matches("^[A-Za-z0-9 ]+$");
        RuleFor(r => r.NewGamertag).Must(g => !index.IsTaken(g)).WithMessage(r => $"Gamertag '{r.NewGamertag}' is already taken.").WithErrorCode("GAMERTAG_TAKEN");
        RuleFor(r => r.NewGamertag).Must(g => !index.IsBlocked(g)).WithMessage("That gamertag is not allowed.").WithErrorCode("GAMERTAG_BLOCKED");
        RuleFor(r => r.Reason).MaximumLength(200);
    }
}

public sealed class GamertagChangeEndpoint(GamertagChangeValidator validator, ILogger<GamertagChangeEndpoint> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Arena.Profiles");
    private readonly Counter<long> _rejections = meter.CreateCounter<long>("arenaapi.gamertag.rejections", "{request}");

    public ActionResult Change(ApiCall call, GamertagChangeRequest request)
    {
        using var span = Source.StartArenaapiValidation(call.RequestedVersion.ToString()); // clean precision-about
        span.SetArenaapiPlayerId(pseudonymizer.PseudonymizeArenaapiPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        var result = validator.Validate(request);
        if (result.IsValid)
        {
            logger.LogInformation("Gamertag of {Player} changed", pseudonymizer.ComputeArenaapiPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
            return new OkResult(null);
        }

        var codes = result.Errors.Select(e => e.ErrorCode ?? "none").ToList();
        span.SetArenaapiFailureCount(result.Errors.Count).SetArenaapiValidationRule(codes[0]); // clean precision-about
        foreach (var code in codes)
        {
            _rejections.Add(1, new TagList { { "code", code } }); // clean precision-about
        }

        var taken = result.Errors.FirstOrDefault(e => e.ErrorCode == "GAMERTAG_TAKEN");
        if (taken is not null)
        {
            logger.LogInformation("Change refused: {Message}", taken.ErrorMessage); // leak TC1001 strings
            logger.LogInformation("Change refused on {Property} by {Rule}", taken.PropertyName, taken.ErrorCode); // clean precision-names
        }

        var blocked = result.Errors.FirstOrDefault(e => e.ErrorCode == "GAMERTAG_BLOCKED");
        if (blocked is not null)
        {
            span.SetArenaapiNote(blocked.ErrorMessage); // clean generated-api
            logger.LogWarning("Blocked gamertag attempt {Attempt}", blocked.AttemptedValue); // leak TC1001 direct
            Activity.Current?.SetTag("arenaapi.blocked.length", (blocked.AttemptedValue as string)?.Length); // clean precision-about
        }

        var failuresByProperty = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Count());
        logger.LogDebug("Failures by property {Failures}", failuresByProperty); // clean precision-names
        logger.LogArenaapiValidationFailedEvent(call.RouteTemplate, result.Errors.Count, arenaapiErrorCode: codes[0], arenaapiNote: string.Join("; ", result.Errors)); // leak TC1001 generated-api
        return new BadRequestResult(null);
    }
}
