namespace PrivacyHoldout38.Transport;

public sealed class TapProcessor(ActivitySource source, ILogger<TapProcessor> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Histogram<double> _fares = meter.CreateHistogram<double>("fares.charged", "GBP");

    public decimal Price(string cardNumber, IReadOnlyList<Tap> taps, DateOnly day)
    {
        using var activity = source.StartActivity("fares.price");

        var fare = taps switch
        {
            [] => 0m,
            [{ Kind: TapKind.In }] => 5.50m,
            [.., { Kind: TapKind.In, Zone: var fromZone }, { Kind: TapKind.Out, Zone: var toZone }] => Math.Abs(toZone - fromZone) switch
            {
                0 => 1.90m,
                1 => 2.70m,
                _ => 3.60m,
            },
            _ => 5.50m,
        };

        if (taps is [.., { StopId: var fromStop }, { StopId: var toStop }])
        {
            logger.LogInformation("Journey {Journey} priced at {Fare}", (fromStop, toStop), fare); // clean logging-objects
        }

        logger.JourneyPriced(cardNumber, fare); // leak TC1001 cross-member
        logger.JourneyPricedFor(cardNumber.Last4, fare); // clean cross-member

        activity?.SetTag("fares.card", cardNumber); // leak TC1001 direct
        activity?.SetTag("fares.card_ref", pseudonymizer.ComputePartyRef(cardNumber)); // clean precision-pseudonym

        var cappingKey = $"{cardNumber}:{day:yyyyMMdd}";
        logger.LogDebug("Capping against {CappingKey}", cappingKey); // leak TC1001 strings
        logger.LogDebug("Capping for {Day} with {Taps} taps", day, taps.Count); // clean precision-about

        _fares.Record((double)fare, new KeyValuePair<string, object?>("fares.zones", taps.Select(t => t.Zone).DefaultIfEmpty(Tap.UnknownZone).Max())); // clean direct
        _fares.Record((double)fare, new KeyValuePair<string, object?>("fares.card_ref", pseudonymizer.ComputePartyRef(cardNumber))); // leak TC1003 precision-pseudonym
        return fare;
    }

    public void Dispute(string cardNumber, decimal charged, string stopId, IReadOnlyDictionary<string, decimal> dailyCaps)
    {
        try
        {
            var cap = dailyCaps.TryGetValue(stopId, out var found) ? found : throw new TariffTableException(stopId);
            if (charged > cap)
            {
                throw new FareDisputeException(cardNumber, charged);
            }
        }
        catch (FareDisputeException ex)
        {
            logger.LogPartyFlaggedEvent(ex.Message, partyRole: "rider"); // leak TC1001 exceptions
            logger.LogPartyFlaggedEvent($"fare dispute on card ending {cardNumber.Last4}", partyRole: "rider"); // clean generated-api
        }
        catch (TariffTableException ex)
        {
            logger.LogError(ex, "Tariff table incomplete"); // clean exceptions
        }
    }
}
