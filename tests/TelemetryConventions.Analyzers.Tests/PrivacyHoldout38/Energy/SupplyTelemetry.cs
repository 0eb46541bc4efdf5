namespace PrivacyHoldout38.Energy;

/// <summary>The metering team's tag helpers, as C# 14 extension blocks over the stack-only tag list.</summary>
public static class SupplyTelemetry
{
    extension(ref TagList tags)
    {
        public void AddSupply(string region, string tariff)
        {
            tags.Add("energy.region", region);
            tags.Add("energy.tariff", tariff);
        }

        public void AddSupplyPoint(string mpan) => tags.Add("energy.mpan", mpan);
    }

    extension(string mpan)
    {
        /// <summary>The first two digits of an MPAN core name the distributor.</summary>
        public string Distributor => mpan[..2];
    }
}
