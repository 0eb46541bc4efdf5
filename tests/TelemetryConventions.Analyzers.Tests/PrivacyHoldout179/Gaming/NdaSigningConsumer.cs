namespace PrivacyHoldout179.Gaming;

/// <summary>NDAs signed on the lobby tablets; the topic is keyed by player id.</summary>
public sealed partial class NdaSigningConsumer(
    IConsumer<string, NdaSignature> consumer,
    ILogger<NdaSigningConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Lobby.Nda");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var signature = result.Message.Value;
            using var activity = Source.StartActivity("lobby.nda.signed");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("lobby.nda.version", signature.NdaVersion); // clean precision-names
            activity?.SetTag("lobby.nda.signature_length", signature.SignatureSvg.Length); // clean precision-about
            activity?.SetTag("lobby.nda.signature", signature.SignatureSvg); // leak TC1001 direct
            activity?.SetTag("lobby.nda.signer", pseudonymizer.PseudonymizeStudiolobbyVisitorId(signature.VisitorId)); // clean precision-pseudonym
            activity?.SetTag("lobby.nda.signer_ref", Pseudonym.FromComputed(signature.VisitorId)); // leak TC1001 precision-pseudonym

            LogSigned(logger, signature.SignerName, signature.NdaVersion); // clean precision-names
            LogSignedPlain(logger, signature.SignerName, signature.NdaVersion); // leak TC1001 direct
            logger.LogInformation("NDA {@Signature}", signature); // leak TC1001 logging-objects
            logger.LogInformation("NDA {Version} signed at offset {Offset}", signature.NdaVersion, result.Offset); // clean precision-names

            if (signature.NdaVersion != "nda-2026-03")
            {
                var ex = new RpcException("FAILED_PRECONDITION", $"Player {signature.VisitorId} signed an outdated NDA");
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Status); // clean exceptions
                logger.LogStudiolobbyOperationFailedEvent("lobby-a", "outdated_nda", pseudonymizer.PseudonymizeStudiolobbyVisitorId(signature.VisitorId), $"Signed {signature.NdaVersion}"); // clean generated-api
                new StudiolobbyOperationSpan(activity).RecordException(ex); // clean generated-api
                new StudiolobbyOperationSpan(activity).RecordException(ex, includeMessage: true); // leak TC1001 generated-api
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "{Signer} signed NDA {Version}")]
    private static partial void LogSigned(ILogger logger, [PrivateData] string signer, string version);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "{Signer} signed NDA {Version} at the desk")]
    private static partial void LogSignedPlain(ILogger logger, string signer, string version);
}
