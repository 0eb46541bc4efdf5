namespace PrivacyHoldout214.Support;

/// <summary>Settings of a transport service, bound from configuration.</summary>
public sealed class TransportOptions
{
    public string DepotCode { get; set; } = "DEP-01";

    public string HospitalCode { get; set; } = "RXH";

    public decimal PencePerMile { get; set; } = 45m;

    public int MaxPickupRadiusMiles { get; set; } = 25;

    public byte[] ShardKey { get; set; } = new byte[32];
}
