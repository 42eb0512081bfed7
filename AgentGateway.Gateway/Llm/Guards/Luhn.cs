namespace AgentGateway.Llm.Guards;

/// <summary>Luhn checksum, so arbitrary digit runs (order numbers, timestamps) are not masked as cards.</summary>
internal static class Luhn
{
    public static bool IsValid(string candidate)
    {
        var sum = 0;
        var digits = 0;
        var doubleIt = false;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            digits++;
            doubleIt = !doubleIt;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }
}
