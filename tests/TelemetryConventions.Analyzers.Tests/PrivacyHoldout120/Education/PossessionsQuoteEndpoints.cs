namespace PrivacyHoldout120.Education;

public sealed record PossessionsQuoteForm(string StudentNumber, string Hall, string Room, string LaptopSerial, string LaptopModel, decimal SumInsured, bool AccidentalDamage, string TermAddressPostcode);

/// <summary>Minimal API of the student portal's possessions cover: a quote for a student's laptop and belongings in halls.</summary>
public static class PossessionsQuoteEndpoints
{
    private static readonly ActivitySource Source = new("University.Cover.Possessions");
    private static readonly Meter Meter = new("University.Cover.Possessions");
    private static readonly TuitioncoverQuotesCounter Quotes = Meter.CreateTuitioncoverQuotesCounter();
    private static readonly Counter<long> QuotesByHall = Meter.CreateCounter<long>("possessions.quotes.by_hall");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/cover/possessions/quote", QuoteAsync);

    private static async Task<ActionResult> QuoteAsync(
        PossessionsQuoteForm form,
        HttpContextInfo http,
        IRatingEngine engine,
        IRiskScoringClient scoring,
        Pseudonymizer pseudonymizer,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var logger = loggers.CreateLogger("PossessionsQuote");
        using var span = Source.StartTuitioncoverQuote("possessions");
        var student = pseudonymizer.PseudonymizeTuitioncoverStudentId(form.StudentNumber);
        span.SetTuitioncoverStudentId(student); // clean precision-pseudonym
        span.Activity?.SetTag("possessions.hall", form.Hall); // clean precision-names
        span.Activity?.SetTag("possessions.room", $"{form.Hall}/{form.Room}"); // clean strings
        span.Activity?.SetTag("possessions.laptop.model", form.LaptopModel); // clean precision-about
        span.Activity?.SetTag("possessions.laptop.serial", form.LaptopSerial); // leak TC1001 direct
        span.Activity?.SetTag("possessions.sum_insured", (double)form.SumInsured); // clean precision-about
        span.Activity?.SetTag("enduser.id", http.User.SubjectId); // leak TC1001 direct

        var score = await scoring.ScoreAsync(new ScoreRequest("possessions", form.TermAddressPostcode, DateOnly.MinValue, 0, form.LaptopSerial), ct);
        logger.LogDebug("Risk {Score} for hall {Hall}", score, form.Hall); // clean logging-objects
        span.SetTuitioncoverRiskScore(score.Score); // clean generated-api

        var rating = new RatingRequest { Product = form.AccidentalDamage ? "possessions-ad" : "possessions" };
        rating.Factors["hall"] = form.Hall;
        rating.Factors["sumInsured"] = form.SumInsured.ToString(CultureInfo.InvariantCulture);
        rating.Factors["riskBand"] = score.Band;
        var response = await engine.RateAsync(rating, ct);

        span.SetTuitioncoverQuoteRef(response.QuoteReference) // clean generated-api
            .SetTuitioncoverPremium((double)response.Premium); // clean generated-api
        logger.LogInformation("Possessions quote {QuoteRef} for {Student}: {Premium}", response.QuoteReference, form.StudentNumber, response.Premium); // leak TC1001 direct
        logger.LogInformation("Quoted {@Form}", form); // leak TC1001 logging-objects
        logger.LogDebug("Quote factors {Factors}", string.Join("&", rating.Factors.Select(f => $"{f.Key}={f.Value}"))); // clean strings

        Quotes.Add(1, rating.Product, response.Decision switch
        {
            QuoteDecision.Accept => TuitioncoverDecision.Accept,
            QuoteDecision.Refer => TuitioncoverDecision.Refer,
            _ => TuitioncoverDecision.Decline,
        }, "quoted"); // clean generated-api
        QuotesByHall.Add(1, new KeyValuePair<string, object?>("hall", form.Hall), new KeyValuePair<string, object?>("accidental", form.AccidentalDamage)); // clean precision-names
        QuotesByHall.Add(1, new KeyValuePair<string, object?>("hall", form.Hall), new KeyValuePair<string, object?>("term_postcode", form.TermAddressPostcode)); // leak TC1003 direct

        if (response.Decision == QuoteDecision.Decline)
        {
            Quotes.Add(1, rating.Product, TuitioncoverDecision.Decline, $"declined:{form.StudentNumber}"); // leak TC1003 generated-api
            span.SetTuitioncoverNote($"declined: {string.Join(",", response.ReasonCodes)}"); // clean generated-api
        }

        return new OkResult(response);
    }
}
