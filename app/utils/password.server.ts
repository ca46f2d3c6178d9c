import bcrypt from 'bcryptjs'

// 12 rounds in production (~250 ms a hash); tests and the network-sized seed can ask for fewer
const ROUNDS = process.env.NODE_ENV === 'test' ? 4 : 12

export function hashPassword(password: string, rounds = ROUNDS) {
	return bcrypt.hashSync(password, rounds)
}

export function verifyPassword(password: string, hash: string) {
	return bcrypt.compareSync(password, hash)
}
