using System.Globalization;
using System.Text;
using Helpline.Analysis;

namespace Helpline.Notebooks.Tests.Corpus;

/// <summary>
/// Turns the shipped register into an export as a helpline's own software might write it: semicolons, Windows-1252,
/// CRLF, Dutch headers and values, day-first dates in two forms, an unknown extra column, repeated rows, three bad
/// rows, a blank line and a totals row. Deterministic: the committed file is what this writes.
/// </summary>
internal static class MessyExport
{
    public const string FileName = "full-export-semicolon-1252.csv";

    /// <summary>Whether the export writes row <paramref name="i"/> twice.</summary>
    public static bool IsRepeated(int i) => i % 997 == 500;

    /// <param name="contacts">The generator's contacts, which hold the caller keys a register does not keep.</param>
    public static byte[] Bytes(IReadOnlyList<Contact> contacts)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("Nr;Tijdstip;Kanaal;Resultaat;Type hulpvraag;Geslacht;Leeftijd;Beller;Doorverwezen naar;Opmerking\r\n");
        int written = 0;
        for (int i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var row = new StringBuilder()
                .Append(SyntheticRegister.ContactId(i)).Append(';')
                .Append(contact.ReceivedAt.ToString(i % 2 == 0 ? "dd/MM/yyyy HH:mm" : "d-M-yyyy HH:mm", c)).Append(';')
                .Append(contact.Channel switch { Channel.Phone => (i % 3) switch { 0 => "telefoon", 1 => "tel.", _ => "Telefoon" }, Channel.Chat => "chat", _ => i % 2 == 0 ? "e-mail" : "mail" }).Append(';')
                .Append(contact.Outcome switch { Outcome.Answered => "beantwoord", Outcome.Busy => "bezet", _ => "buiten openingsuren" }).Append(';')
                .Append(contact.Requester switch
                {
                    Requester.Self => "eigen gevoelens",
                    Requester.CloseEnvironment => "dichte sociale omgeving",
                    Requester.WiderEnvironment => "ruimere omgeving",
                    Requester.Professional => "hulpverlener",
                    Requester.Other => "andere",
                    _ => "",
                }).Append(';')
                .Append(contact.Gender switch { Gender.Male => "M", Gender.Female => "V", Gender.Other => "X", _ => "" }).Append(';')
                .Append(contact.AgeBand == AgeBand.Unknown ? "" : contact.AgeBand.Code()).Append(';')
                .Append(contact.CallerKey).Append(';')
                .Append(contact.Referral switch
                {
                    Referral.SpecialisedCentre => "CAW",
                    Referral.PrivateTherapist => "privétherapeut",
                    Referral.VictimSupport => "slachtofferhulp",
                    Referral.RelationshipTherapy => "relatietherapie",
                    Referral.Other => "andere",
                    _ => "",
                }).Append(';')
                .Append(i % 1000 == 7 ? "\"belde terug; zie ook vorig gesprek\"" : "")
                .Append("\r\n").ToString();
            text.Append(row);
            written++;
            if (IsRepeated(i))
            {
                text.Append(row); // the same row exported twice
                written++;
            }
            if (i == 5000)
                text.Append("\r\n");
            if (i is 3000 or 9000 or 15000)
            {
                text.Append(i switch
                {
                    3000 => "X1;02/03/2021 15:10;fax;beantwoord;eigen gevoelens;;;kx1;;\r\n",
                    9000 => "X2;02/03/2021 15:20;e-mail;bezet;;;;kx2;;\r\n",
                    _ => "X3;31/02/2021 15:30;telefoon;beantwoord;andere;;;kx3;;\r\n",
                });
                written++;
            }
        }
        text.Append(CultureInfo.InvariantCulture, $"Totaal;{written};;;;;;;;\r\n");
        return Encoding.GetEncoding(1252).GetBytes(text.ToString());
    }
}
