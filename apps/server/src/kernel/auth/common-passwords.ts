/** Passwords (and stems) that appear at the top of every leaked-password list, Chinese sites' included. */
export const commonPasswords = new Set(
  `password passw0rd p@ssw0rd p@ssword password1 password123 admin admin123 administrator root toor qwerty qwerty123
  qwertyuiop qwerty123456 asdfghjkl zxcvbnm 1qaz2wsx 1qaz2wsx3edc 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y qazwsx qazwsxedc
  123456 1234567 12345678 123456789 1234567890 0123456789 987654321 111111 1111111111 000000 0000000000 666666 888888
  88888888 123123 123123123 112233 121212 654321 abc123 abc12345 abcd1234 a123456 a12345678 aa123456 a1b2c3d4
  woaini woaini1314 woaini520 iloveyou iloveyou1 5201314 1314520 520520 nihao nihao123 zhangwei wangwei liuyang
  letmein welcome welcome1 welcome123 monkey dragon master sunshine princess football baseball superman batman
  trustno1 shadow michael jennifer hunter ranger starwars whatever freedom charlie changeme secret default guest
  test test123 testtest demo demo123 user user123 liaison liaison123 hangzhou xiacheng china beijing shanghai
  zaq12wsx zaq1xsw2 !qaz2wsx 1qazxsw2 qweasdzxc qweasd asdasd asd123 zxc123 q1w2e3r4 passwordpassword`.split(/\s+/).filter(Boolean),
);
