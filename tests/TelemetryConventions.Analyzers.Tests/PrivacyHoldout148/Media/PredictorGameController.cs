namespace PrivacyHoldout148.Media;

/// <summary>The viewers' score predictor shown beside the broadcast.</summary>
[ApiController]
[Route("api/predictor")]
public sealed class PredictorGameController(
    IPredictionStore store,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<PredictorGameController> logger) : ControllerBase
{
    private readonly Counter<long> _predictions = meter.CreateCounter<long>("matchdata.predictions");

    [HttpPost]
    public async Task<ActionResult> Predict([FromBody] ViewerPrediction prediction, CancellationToken cancellationToken)
    {
        await store.SaveAsync(prediction, cancellationToken);
        var score = $"{prediction.HomeGoals}-{prediction.AwayGoals}";
        Activity.Current?.SetTag("predictor.score", score); // clean strings
        Activity.Current?.SetTag("predictor.match", prediction.MatchId); // clean precision-names
        Activity.Current?.SetTag("predictor.viewer", prediction.ViewerAccountId); // leak TC1001 direct
        Activity.Current?.SetTag("predictor.viewer", pseudonymizer.ComputeMatchdataPersonId(prediction.ViewerAccountId)); // clean precision-pseudonym
        Activity.Current?.SetTag(MatchdataAttributes.Contact, pseudonymizer.ComputeMatchdataPersonId(prediction.ViewerEmail)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("predictor.viewer.email_domain", prediction.ViewerEmail.Split('@').Last()); // clean precision-about

        _predictions.Add(1, new KeyValuePair<string, object?>("score", score)); // clean precision-about
        logger.LogInformation("Prediction {PredictionId} of {Score} for {MatchId}", prediction.PredictionId, score, prediction.MatchId); // clean precision-about
        logger.LogInformation("Prediction {@Prediction}", prediction); // leak TC1001 logging-objects
        logger.LogInformation("Prediction confirmation for {Viewer}", Confirmation(prediction)); // leak TC1001 strings
        return Ok(prediction.PredictionId);
    }

    private static string Confirmation(ViewerPrediction prediction) => $"{prediction.ViewerEmail}: {prediction.HomeGoals}-{prediction.AwayGoals}";
}
