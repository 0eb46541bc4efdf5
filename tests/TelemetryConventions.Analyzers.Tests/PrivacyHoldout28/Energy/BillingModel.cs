#nullable disable
using System;
using System.Globalization;
using PrivacyHoldout28.Support.ServiceModel;

namespace PrivacyHoldout28.Energy;

[DataContract(Namespace = "urn:contoso-energy:billing")]
public class SupplyPoint
{
    [DataMember]
    public string Mpan { get; set; }

    [DataMember]
    public string MeterSerial { get; set; }

    [DataMember]
    public string AccountNumber { get; set; }

    [DataMember]
    public string TariffCode { get; set; }

    [DataMember]
    public string Region { get; set; }

    public string Distributor
    {
        get { return Mpan == null || Mpan.Length < 2 ? "??" : Mpan.Substring(0, 2); }
    }

    public override string ToString()
    {
        return "SupplyPoint(" + Mpan + ", " + TariffCode + ")";
    }
}

public class MeterReading
{
    public string MeterSerial { get; set; }

    public string RegisterId { get; set; }

    public decimal Value { get; set; }

    public DateTime ReadAt { get; set; }

    public string ReadType { get; set; }

    public override string ToString()
    {
        return String.Format(CultureInfo.InvariantCulture, "{0} {1}={2:0.0} kWh ({3})", ReadAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RegisterId, Value, ReadType);
    }
}

[Serializable]
public class BillingException : Exception
{
    public BillingException(string message)
        : base(message)
    {
    }

    public BillingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string Stage { get; set; }
}

[Serializable]
public class MeterReadingException : BillingException
{
    public MeterReadingException(string meterSerial, string reason)
        : base("Reading rejected for meter " + meterSerial + ": " + reason)
    {
        MeterSerial = meterSerial;
        Reason = reason;
        Stage = "Validation";
    }

    public string MeterSerial { get; private set; }

    public string Reason { get; private set; }
}

[Serializable]
public class TariffNotFoundException : BillingException
{
    public TariffNotFoundException(string tariffCode, string accountNumber)
        : base("Tariff " + tariffCode + " is not in the rate table")
    {
        TariffCode = tariffCode;
        AccountNumber = accountNumber;
        Stage = "Rating";
    }

    public string TariffCode { get; private set; }

    public string AccountNumber { get; private set; }
}
