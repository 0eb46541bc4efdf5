namespace PrivacyHoldout108.Gaming;

public sealed record CreatorApplication(Guid PlayerId, string Gamertag, string LegalName, string Email, DateOnly DateOfBirth, string Country, string Programme, string? GuardianEmail);

public sealed class GuardianRequiredException(Guid playerId)
    : Exception($"Player {playerId} is under 18; a guardian must co-sign the creator agreement.")
{
    public Guid PlayerId { get; } = playerId;
}

/// <summary>gRPC service of the creator programme: builds the creator agreement envelope (a guardian co-signs for minors) and returns the in-game signing link.</summary>
public sealed class CreatorAgreementService(
    EnvelopesApi envelopes,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<CreatorAgreementService> logger)
{
    private readonly Histogram<double> _sessionLatency = meter.CreateHistogram<double>("creator.signing_session.latency", "s");

    public async Task<string> StartAgreementAsync(CreatorApplication application, ServerCallContext context)
    {
        var isMinor = application.DateOfBirth.AddYears(18) > DateOnly.FromDateTime(DateTime.UtcNow);
        using var span = source.StartAgreesignEnvelopeSend("pending");
        span.Activity?.SetTag("rpc.method", context.Method); // clean precision-names
        span.Activity?.SetTag("creator.programme", application.Programme); // clean precision-names
        span.Activity?.SetTag("creator.country", application.Country); // clean precision-names
        span.Activity?.SetTag("creator.minor", isMinor); // clean precision-about
        span.Activity?.SetTag("creator.gamertag", application.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("creator.peer", context.Peer); // leak TC1001 direct

        if (isMinor && application.GuardianEmail is null)
        {
            var error = new GuardianRequiredException(application.PlayerId);
            span.RecordException(error, "guardian required", includeMessage: true); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, nameof(GuardianRequiredException)); // clean exceptions
            throw new RpcException("FailedPrecondition", "A guardian must co-sign.");
        }

        var signers = new List<Signer>
        {
            new() { Email = application.Email, Name = application.LegalName, RecipientId = "1", RoutingOrder = "1", RoleName = "Creator", ClientUserId = application.PlayerId.ToString() },
        };
        if (isMinor)
        {
            signers.Add(new Signer { Email = application.GuardianEmail, Name = "Parent or guardian", RecipientId = "2", RoutingOrder = "2", RoleName = "Guardian" });
        }
        var definition = new EnvelopeDefinition { TemplateId = "tpl-creator-agreement-v3", EmailSubject = "Creator Programme agreement", Recipients = new Recipients { Signers = signers }, Status = "sent" };
        var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, definition, context.CancellationToken);

        span.SetAgreesignEnvelopeId(summary.EnvelopeId!) // clean generated-api
            .SetAgreesignRecipientCount(signers.Count) // clean generated-api
            .SetAgreesignSignerId(pseudonymizer.PseudonymizeAgreesignSignerId(application.PlayerId.ToString())) // clean precision-pseudonym
            .SetAgreesignNote($"signers: {string.Join(", ", signers.Select(s => s.RoleName))}"); // clean generated-api
        span.SetAgreesignNote($"signers: {string.Join(", ", signers.Select(s => s.Email))}"); // leak TC1001 generated-api
        span.Activity?.SetTag("creator.signer_names", signers.Select(s => s.Name).ToArray()); // leak TC1001 strings
        span.Activity?.SetTag("creator.routing", string.Join(">", signers.Select(s => $"{s.RoleName}:{s.RoutingOrder}"))); // clean precision-names

        var started = Stopwatch.GetTimestamp();
        var view = await envelopes.CreateRecipientViewAsync(options.AccountId, summary.EnvelopeId!, new RecipientViewRequest
        {
            ReturnUrl = $"{options.ReturnUrlBase}/creator/return",
            AuthenticationMethod = "none",
            Email = application.Email,
            UserName = application.LegalName,
            ClientUserId = application.PlayerId.ToString(),
            FrameAncestors = "https://launcher.example-games.com",
        }, context.CancellationToken);
        _sessionLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("programme", application.Programme)); // clean precision-names
        _sessionLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("player", application.PlayerId)); // leak TC1003 direct

        logger.LogInformation("Creator agreement {EnvelopeId} opened for player {PlayerId}", summary.EnvelopeId, application.PlayerId); // leak TC1001 direct
        logger.LogInformation("Creator agreement {EnvelopeId} opened for player {PlayerId}", summary.EnvelopeId, pseudonymizer.ComputeAgreesignSignerId(application.PlayerId.ToString())); // clean precision-pseudonym
        logger.LogDebug("Creator application {Application}", application); // leak TC1001 logging-objects
        logger.LogDebug("Signing link for the launcher: {Url}", view.Url); // leak TC1001 cross-member
        logger.LogDebug("Signing link issued, expires {Expiry}", DateTimeOffset.UtcNow.AddMinutes(5)); // clean precision-about
        meter.CreateAgreesignEnvelopesCounter().Add(1, definition.TemplateId, isMinor ? "sent_with_guardian" : "sent"); // clean generated-api
        return view.Url!;
    }
}
