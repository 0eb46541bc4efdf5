#nullable disable
using System;
using System.Globalization;
using PrivacyHoldout28.Support.ServiceModel;

namespace PrivacyHoldout28.Transport;

/// <summary>One tap read off a validator's frame.</summary>
public class TapRecord
{
    public string CardNumber { get; set; }

    public string ValidatorId { get; set; }

    public string StopCode { get; set; }

    public string Concession { get; set; }

    public DateTime TappedAtUtc { get; set; }

    public string LastFour
    {
        get { return CardNumber == null || CardNumber.Length < 4 ? CardNumber : CardNumber.Substring(CardNumber.Length - 4); }
    }

    public override string ToString()
    {
        return String.Format(CultureInfo.InvariantCulture, "Tap {0} at {1} ({2}) {3:HH:mm:ss}", CardNumber, StopCode, ValidatorId, TappedAtUtc);
    }
}

[ServiceContract(Namespace = "urn:contoso-transit:revenue:2012")]
public interface IPenaltyFareService
{
    [OperationContract]
    PenaltyNotice IssuePenalty(PenaltyRequest request);
}

[DataContract]
public class PenaltyRequest
{
    [DataMember]
    public string CardNumber { get; set; }

    [DataMember]
    public string PassengerName { get; set; }

    [DataMember]
    public string InspectorStaffNumber { get; set; }

    [DataMember]
    public string StopCode { get; set; }

    [DataMember]
    public string RouteCode { get; set; }

    [DataMember]
    public string FleetNumber { get; set; }
}

[DataContract]
public class PenaltyNotice
{
    [DataMember]
    public string NoticeNumber { get; set; }

    [DataMember]
    public decimal Amount { get; set; }

    [DataMember]
    public DateTime DueBy { get; set; }

    public override string ToString()
    {
        return "PenaltyNotice " + NoticeNumber + " (" + Amount.ToString("0.00", CultureInfo.InvariantCulture) + ", due " + DueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")";
    }
}

[Serializable]
public class TransitException : Exception
{
    public TransitException(string message)
        : base(message)
    {
    }

    public string Area { get; set; }
}

[Serializable]
public class FareDisputeException : TransitException
{
    public FareDisputeException(string cardNumber, string detail)
        : base("Card " + cardNumber + " has an open fare dispute: " + detail)
    {
        CardNumber = cardNumber;
        Area = "Revenue";
    }

    public string CardNumber { get; private set; }
}

[Serializable]
public class TariffTableException : TransitException
{
    public TariffTableException(string stopCode)
        : base("No fare stage for stop " + stopCode)
    {
        StopCode = stopCode;
        Area = "Fares";
    }

    public string StopCode { get; private set; }
}
