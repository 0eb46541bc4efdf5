namespace PrivacyHoldout156.Energy;

/// <summary>Surveys hairdressers who run a salon from home for the supplier's business-use-of-home tariff.</summary>
public sealed class HomeSalonSurveyService(
    Pseudonymizer pseudonymizer,
    ILogger<HomeSalonSurveyService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.HomeSalon");
    private static readonly Meter Meter = new("Supplier.HomeSalon");
    private static readonly Histogram<double> WeeklyUse = Meter.CreateHistogram<double>("home_salon.weekly_use", "kWh");

    public void Record(HomeSalonSurvey survey)
    {
        using var activity = Source.StartActivity("home_salon.survey");
        activity?.SetTag("survey.id", survey.SurveyId); // clean direct
        activity?.SetTag("survey.mpan_profile", survey.Mpan[..2]); // clean precision-about
        activity?.SetTag("survey.mpan", survey.Mpan); // leak TC1001 direct
        WeeklyUse.Record(survey.WeeklyKwh); // clean direct
        WeeklyUse.Record(survey.WeeklyKwh, new KeyValuePair<string, object?>("meter", survey.MeterSerial)); // leak TC1003 direct
        logger.LogInformation("Survey {SurveyId}: {WeeklyKwh} kWh a week", survey.SurveyId, survey.WeeklyKwh); // clean direct
        logger.LogInformation("Survey for {Holder} at meter {Meter}", survey.HolderName, survey.MeterSerial); // leak TC1001 direct
        logger.LogInformation("Survey {@Survey}", survey); // leak TC1001 logging-objects
        logger.LogInformation("Survey holder name has {Length} characters", survey.HolderName.Length); // clean precision-about

        var meterKey = survey.MeterSerial.GetHashCode().ToString("x8", CultureInfo.InvariantCulture);
        activity?.SetTag("survey.meter_key", meterKey); // leak TC1002 hashes
        activity?.SetTag("survey.account", pseudonymizer.ComputeTanbedAccountId(survey.MeterSerial)); // clean precision-pseudonym
        activity?.SetTag(TanbedAttributes.Contact, survey.HolderName); // leak TC1001 generated-api

        try
        {
            if (survey.WeeklyKwh <= 0)
            {
                throw new MeterNotFoundException(survey.MeterSerial);
            }
        }
        catch (MeterNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Survey {SurveyId} failed with {ErrorType}", survey.SurveyId, ex.GetType().Name); // clean exceptions
        }
    }
}
