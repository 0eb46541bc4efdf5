namespace PrivacyHoldout38.Transport;

public enum TapKind
{
    In,
    Out,
}

public sealed record Tap(string CardNumber, string StopId, int Zone, TapKind Kind, DateTimeOffset At);

public sealed class FareDisputeException(string cardNumber, decimal charged)
    : Exception($"Card {cardNumber} disputes a charge of {charged:C}");

public sealed class TariffTableException(string stopId)
    : Exception($"No tariff row for stop {stopId}");

/// <summary>The fares team's helpers, as C# 14 extension blocks.</summary>
public static class FareTelemetry
{
    extension(ILogger logger)
    {
        public void JourneyPriced(string cardNumber, decimal fare) =>
            logger.LogInformation("Priced a journey on {CardNumber} at {Fare}", cardNumber, fare); // leak TC1001 direct

        public void JourneyPricedFor(string cardLast4, decimal fare) =>
            logger.LogInformation("Priced a journey on card ending {CardLast4} at {Fare}", cardLast4, fare); // clean direct
    }

    extension(string cardNumber)
    {
        public string Last4 => cardNumber.Length >= 4 ? cardNumber[^4..] : cardNumber;
    }

    extension(Tap)
    {
        /// <summary>The zone a stop lies in when the reader did not send one.</summary>
        public static int UnknownZone => 0;
    }
}
